/*
 * The provider commands: a small table of subcommands over seal.h (keys,
 * signatures) and the provider's folder.  Wiring only; each rule lives in
 * the module named beside it.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "options.h"
#include "provider.h"
#include "seal.h"
#include "xmalloc.h"

struct provider_args {
	const char *dir;	/* --dir, or NULL */
	const char *course;	/* --course, or NULL */
	char **argv;		/* the command's operands */
	int argc;
};

/* The provider's folder: --dir, $PSOAS_TUTOR_PROVIDER_DIR, DATA/provider. */
static char *
provider_dir(const char *dir)
{
	const char *env = getenv("PSOAS_TUTOR_PROVIDER_DIR");
	struct options none;
	char *data, *cause = NULL, *out;

	if (dir != NULL)
		return xstrdup(dir);
	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	memset(&none, 0, sizeof none);
	data = options_data_dir(&none, &cause);
	if (data == NULL) {
		msg_error("%s", cause);
		free(cause);
		return NULL;
	}
	out = xasprintf("%s/provider", data);
	free(data);
	return out;
}

static int
cmd_keygen(const struct provider_args *a, const char *dir)
{
	char *cause = NULL;
	struct seal_key k;

	if (a->argc != 0) {
		msg_error("provider keygen takes no arguments");
		return EXIT_FAILURE;
	}
	if (seal_keygen(dir, &cause) != 0 ||
	    seal_load_secret(dir, &k, &cause) != 0) {
		msg_error("%s", cause);
		free(cause);
		return EXIT_FAILURE;
	}
	printf("Provider key pair made in %s:\n"
	    "  %s/%s  secret: keep it on this machine only (mode 0600)\n"
	    "  %s/%s  public: give it to learners and auditors\n"
	    "Key %s\n", dir, dir, SEAL_SECRET_FILE, dir, SEAL_PUBLIC_FILE,
	    k.hex);
	return EXIT_SUCCESS;
}

static const struct command {
	const char *name;
	const char *usage;
	int (*run)(const struct provider_args *, const char *dir);
} commands[] = {
	{ "keygen", "keygen", cmd_keygen },
};

static void
usage(FILE *fp)
{
	fputs("Usage: psoas-tutor provider [--dir DIR] [--course DIR] COMMAND "
	    "[ARG]...\nCommands:\n", fp);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %s\n", commands[i].usage);
	fputs("See psoas-tutor(1), PROVIDER.\n", fp);
}

int
provider_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"dir", required_argument, NULL, 'd'},
		{"course", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct provider_args a = {0};
	char *dir;
	int c, status = EXIT_FAILURE;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': a.dir = optarg; break;
		case 'c': a.course = optarg; break;
		case 'h': usage(stdout); return EXIT_SUCCESS;
		default:
			msg_error("provider: unknown option or missing argument "
			    "'%s'", argv[optind - 1]);
			usage(stderr);
			return EXIT_FAILURE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_FAILURE;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[optind], commands[i].name) != 0)
			continue;
		a.argv = argv + optind + 1;
		a.argc = argc - optind - 1;
		if ((dir = provider_dir(a.dir)) == NULL)
			return EXIT_FAILURE;
		status = commands[i].run(&a, dir);
		free(dir);
		return status;
	}
	msg_error("provider: unknown command '%s'", argv[optind]);
	usage(stderr);
	return EXIT_FAILURE;
}

int
provider_verify(const struct options *o, const char *course_dir)
{
	char *key = NULL, *cause = NULL, *report = NULL, *dir;
	struct seal_key k;
	int rc;

	if (o->key_path != NULL) {
		key = xstrdup(o->key_path);
	} else {
		key = xasprintf("%s/%s", course_dir, SEAL_PUBLIC_FILE);
		if (access(key, F_OK) != 0 && (dir = provider_dir(NULL)) != NULL) {
			free(key);
			key = xasprintf("%s/%s", dir, SEAL_PUBLIC_FILE);
			free(dir);
		}
	}
	if (seal_load_public(key, &k, &cause) != 0) {
		msg_error("%s (give the provider's public key with --key FILE)",
		    cause);
		free(cause);
		free(key);
		return EXIT_FAILURE;
	}
	free(key);
	rc = seal_verify_file(o->verify_path, &k, &report);
	if (rc == 0)
		printf("%s\n", report);
	else
		fprintf(stderr, "psoas-tutor: %s\n", report);
	free(report);
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
