## Scripted tests of the built program, and their data.  Kept apart from
## Makefile.am so adding a test touches one short list.
CLI_TESTS =
PTY_TESTS =
# Fixtures: every file under tests/data, listed in the generated
# tests/data.mk (make update-test-data after adding one).
include $(srcdir)/tests/data.mk
TEST_FIXTURES = $(FIXTURE_FILES)
CLI_TESTS += tests/cli/session.sh tests/cli/options.sh
CLI_TESTS += tests/cli/study.sh tests/cli/practice.sh
PTY_TESTS += tests/pty/terminal.py tests/pty/pager.py tests/pty/study.py
PTY_TESTS += tests/pty/paged-runs.py
CLI_TESTS += tests/cli/check-quizzes.sh
CLI_TESTS += tests/cli/quiz-session.sh tests/cli/report.sh
CLI_TESTS += tests/cli/kill9.sh tests/cli/concurrent.sh \
	tests/cli/journal-damage.sh tests/cli/journal-unwritable.sh \
	tests/cli/hostile-files.sh tests/cli/hostile-text.sh \
	tests/cli/attempt-rules.sh tests/cli/hostile-course.sh
# Lesson parser and renderer: a unit-test helper, the fixture course,
# and the malformed lessons of tests/cli/check-lessons.sh.
tests_unit_test_text_SOURCES += tests/unit/scratch.h
tests_unit_test_lesson_SOURCES += tests/unit/scratch.h
CLI_TESTS += tests/cli/check-lessons.sh
CLI_TESTS += tests/cli/valgrind.sh
CLI_TESTS += tests/cli/ubsan.sh tests/cli/build-files.sh
CLI_TESTS += tests/cli/course-list.sh
CLI_TESTS += tests/cli/shipped-course.sh
CLI_TESTS += tests/cli/man-pages.sh
CLI_TESTS += tests/cli/instructor.sh
CLI_TESTS += tests/cli/review.sh
CLI_TESTS += tests/cli/readme-examples.sh
CLI_TESTS += tests/cli/publish.sh
CLI_TESTS += tests/cli/check-manifest.sh
CLI_TESTS += tests/cli/certificate.sh
CLI_TESTS += tests/cli/exports.sh
CLI_TESTS += tests/cli/issue9-answers.sh
CLI_TESTS += tests/cli/provider-keys.sh
CLI_TESTS += tests/cli/provider-grade.sh
CLI_TESTS += tests/cli/regrade.sh
CLI_TESTS += tests/cli/xapi-submission.sh
CLI_TESTS += tests/cli/lrs-send.sh
CLI_TESTS += tests/cli/course-digest.sh
CLI_TESTS += tests/cli/flag.sh
CLI_TESTS += tests/cli/ids-in-files.sh
PTY_TESTS += tests/pty/slow-grading.py
PTY_TESTS += tests/pty/paste.py
CLI_TESTS += tests/cli/licence.sh
PTY_TESTS += tests/pty/quit-key.py
PTY_TESTS += tests/pty/certificate.py
