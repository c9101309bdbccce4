/*
 * libFuzzer harness: hostile lessons on screen.  The input is parsed from
 * memory as a lesson (no file written) and, when it parses, every page,
 * the front matter and the list of sources are rendered at a narrow, an
 * odd and a wide width, in colour, without and in plain mode.  Any crash, leak or sanitizer
 * report is a bug.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "lesson.h"
#include "render.h"

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static const int widths[] = {20, 33, 80};
	struct lesson *l;
	struct diag d;

	diag_init(&d);
	l = lesson_parse("fuzz.lesson", (const char *)bytes, size, &d);
	for (size_t w = 0; l != NULL && w < sizeof widths / sizeof *widths; w++)
		for (int mode = 0; mode < 3; mode++) {
			struct render_opts o = {.width = widths[w],
			    .color = mode == 1, .plain = mode == 2};

			for (size_t pg = 0; pg < l->npages; pg++)
				free(render_page(&o, l, pg));
			free(render_lesson_intro(&o, l));
			free(render_lesson_sources(&o, l));
		}
	lesson_free(l);
	diag_destroy(&d);
	return 0;
}
