## Scripted tests of the built program, and their data.  Kept apart from
## Makefile.am so adding a test touches one short list.
CLI_TESTS =
PTY_TESTS =
TEST_FIXTURES =
CLI_TESTS += tests/cli/session.sh tests/cli/options.sh
PTY_TESTS += tests/pty/terminal.py
