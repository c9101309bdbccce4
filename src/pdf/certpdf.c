/*
 * A certificate's PDF page drawn with cairo (certpdf.h), its labelled rows
 * laid out as the text form lays them out (certlayout.h).
 */
#include "config.h"

#include <sys/stat.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "certificate.h"
#include "certlayout.h"
#include "pdf/certpdf.h"
#include "xmalloc.h"

/* US Letter, landscape, in points (1/72 in). */
#define PAGE_W 792.0
#define PAGE_H 612.0
#define MARGIN 54.0

enum font { SERIF, SERIF_BOLD, SERIF_ITALIC, SANS, SANS_BOLD, MONO };

static const struct face {
	const char *family;
	cairo_font_slant_t slant;
	cairo_font_weight_t weight;
} faces[] = {
	[SERIF] = { "serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL },
	[SERIF_BOLD] = { "serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD },
	[SERIF_ITALIC] = { "serif", CAIRO_FONT_SLANT_ITALIC,
	    CAIRO_FONT_WEIGHT_NORMAL },
	[SANS] = { "sans-serif", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL },
	[SANS_BOLD] = { "sans-serif", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_BOLD },
	[MONO] = { "monospace", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL },
};

static void
use_font(cairo_t *cr, enum font f, double size)
{
	cairo_select_font_face(cr, faces[f].family, faces[f].slant,
	    faces[f].weight);
	cairo_set_font_size(cr, size);
}

static double
measure_points(void *arg, const char *s, size_t len)
{
	cairo_text_extents_t e;
	char *t = xstrndup(s, len);

	cairo_text_extents(arg, t, &e);
	free(t);
	return e.x_advance;
}

static double
text_advance(cairo_t *cr, const char *s)
{
	return measure_points(cr, s, strlen(s));
}

/*
 * Draw text wrapped to width points, each line centred on cx (or starting
 * at x when cx < 0), the first baseline at y.  Returns the baseline after
 * the last line.
 */
static double
draw_lines(cairo_t *cr, const char *text, double x, double cx, double y,
    double width, double leading)
{
	char *lines[32];
	size_t n = cert_wrap(text, width, measure_points, cr, lines,
	    sizeof lines / sizeof lines[0]);

	for (size_t i = 0; i < n; i++) {
		double lx = cx >= 0 ? cx - text_advance(cr, lines[i]) / 2 : x;

		cairo_move_to(cr, lx, y);
		cairo_show_text(cr, lines[i]);
		free(lines[i]);
		y += leading;
	}
	return y;
}

static double
centred(cairo_t *cr, enum font f, double size, const char *text, double y)
{
	use_font(cr, f, size);
	return draw_lines(cr, text, 0, PAGE_W / 2, y, PAGE_W - 2 * MARGIN - 40,
	    size * 1.3);
}

/*
 * "Label: value" rows in a column from x, width points wide: the label in
 * bold, the value after it (wrapped under itself).  Returns the next y.
 */
static double
draw_rows(cairo_t *cr, const struct rows *r, double x, double y,
    double width, double k)
{
	const double size = 9.5 * k, leading = 12.5 * k;

	for (size_t i = 0; i < r->n; i++) {
		char *label = xasprintf("%s: ", r->v[i].label);
		double lw;

		use_font(cr, SANS_BOLD, size);
		cairo_move_to(cr, x, y);
		cairo_show_text(cr, label);
		lw = text_advance(cr, label);
		free(label);
		use_font(cr, SANS, size);
		y = draw_lines(cr, r->v[i].value, x + lw, -1, y, width - lw,
		    leading) + 2 * k;
	}
	return y;
}

static void
draw_frame(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0.12, 0.23, 0.40);
	cairo_set_line_width(cr, 3);
	cairo_rectangle(cr, 22, 22, PAGE_W - 44, PAGE_H - 44);
	cairo_stroke(cr);
	cairo_set_line_width(cr, 0.8);
	cairo_rectangle(cr, 30, 30, PAGE_W - 60, PAGE_H - 60);
	cairo_stroke(cr);
}

/* A warning in a tinted box across the page. */
static double
draw_warning(cairo_t *cr, const char *text, double y, double k)
{
	const double x = MARGIN + 10, w = PAGE_W - 2 * MARGIN - 20;
	const double leading = 12.0 * k;
	char *lines[8];
	size_t n;

	use_font(cr, SANS_BOLD, 9.5 * k);
	n = cert_wrap(text, w - 20, measure_points, cr, lines,
	    sizeof lines / sizeof lines[0]);
	cairo_set_source_rgb(cr, 1.0, 0.96, 0.80);
	cairo_rectangle(cr, x, y, w, leading * (double)n + 12 * k);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, 0.55, 0.35, 0.0);
	cairo_set_line_width(cr, 1);
	cairo_stroke(cr);
	for (size_t i = 0; i < n; i++) {
		cairo_move_to(cr, x + 10, y + 15 * k + leading * (double)i);
		cairo_show_text(cr, lines[i]);
		free(lines[i]);
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	return y + leading * (double)n + 12 * k;
}

static void
draw_signature_lines(cairo_t *cr, double y)
{
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, MARGIN + 10, y);
	cairo_line_to(cr, MARGIN + 290, y);
	cairo_move_to(cr, MARGIN + 320, y);
	cairo_line_to(cr, MARGIN + 450, y);
	cairo_stroke(cr);
	use_font(cr, SANS, 8.5);
	cairo_move_to(cr, MARGIN + 10, y + 11);
	cairo_show_text(cr, "Provider signature");
	cairo_move_to(cr, MARGIN + 320, y + 11);
	cairo_show_text(cr, "Date");
}

/* A signed certificate shows its signature where a hand would sign. */
static void
draw_signed(cairo_t *cr, const struct certificate *c, double y)
{
	char *s;

	use_font(cr, SANS, 7);
	s = xasprintf("Signed by the provider (Ed25519, key %.16s...):",
	    cert_or_unstated(c->signer));
	cairo_move_to(cr, MARGIN + 10, y - 12);
	cairo_show_text(cr, s);
	free(s);
	use_font(cr, MONO, 7);
	s = xasprintf("%.64s", c->signature);
	cairo_move_to(cr, MARGIN + 10, y - 3);
	cairo_show_text(cr, s);
	free(s);
	cairo_move_to(cr, MARGIN + 10, y + 6);
	cairo_show_text(cr, strlen(c->signature) > 64 ? c->signature + 64 : "");
	use_font(cr, SANS, 7);
	cairo_move_to(cr, MARGIN + 10, y + 15);
	cairo_show_text(cr, certificate_verify_text);
}

static void
draw_signature(cairo_t *cr, const struct certificate *c)
{
	const double y = PAGE_H - MARGIN - 18;
	char *s;

	if (c->signature != NULL)
		draw_signed(cr, c, y);
	else
		draw_signature_lines(cr, y);
	use_font(cr, SANS, 8.5);
	s = xasprintf("Learner id: %s", cert_or_unstated(c->learner));
	cairo_move_to(cr, PAGE_W - MARGIN - 10 - text_advance(cr, s), y - 10);
	cairo_show_text(cr, s);
	free(s);
	s = xasprintf("Post-test attempt: %s", cert_or_unstated(c->attempt));
	cairo_move_to(cr, PAGE_W - MARGIN - 10 - text_advance(cr, s), y + 2);
	cairo_show_text(cr, s);
	free(s);
}

/*
 * The whole page, its labelled rows and the self-reported box at scale k
 * (1 = full size).  Returns where the content above the signature ends.
 */
static double
draw_page(cairo_t *cr, const struct certificate *c, double k)
{
	const double colw = (PAGE_W - 2 * MARGIN - 40) / 2;
	struct rows r = {0};
	double y, y2;
	char *s;

	draw_frame(cr);
	cairo_set_source_rgb(cr, 0.12, 0.23, 0.40);
	y = centred(cr, SERIF_BOLD, 28, "CERTIFICATE OF COMPLETION", 96);
	s = xasprintf("Continuing education: %s", cert_or_unstated(c->type));
	y = centred(cr, SANS, 11, s, y - 6);
	free(s);
	cairo_set_source_rgb(cr, 0, 0, 0);
	y = centred(cr, SERIF_ITALIC, 12, "This certifies that", y + 22);
	y = centred(cr, SERIF_BOLD, 22, cert_or_unstated(c->participant),
	    y + 14);
	s = cert_licence_text(c);
	y = centred(cr, SANS, 10, s, y - 6);
	free(s);
	y = centred(cr, SERIF_ITALIC, 12, "has completed the course", y + 14);
	y = centred(cr, SERIF_BOLD, 16, cert_or_unstated(c->title), y + 10);
	s = xasprintf("(course %s, version %s)", cert_or_unstated(c->course),
	    cert_or_unstated(c->version));
	y = centred(cr, SANS, 10, s, y - 4);
	free(s);
	s = cert_completion_sentence(c);
	y = centred(cr, SERIF, 11, s, y + 12);
	free(s);

	y += 16 * k;
	cert_course_rows(c, &r);
	y2 = draw_rows(cr, &r, MARGIN + 10, y, colw, k);
	cert_rows_free(&r);
	cert_provider_rows(c, &r);
	y = draw_rows(cr, &r, MARGIN + 30 + colw, y, colw, k);
	cert_rows_free(&r);
	if (y2 > y)
		y = y2;
	if (c->test_clock)
		y = draw_warning(cr, certificate_test_clock_text, y + 8 * k, k);
	if (c->self_reported)
		y = draw_warning(cr, certificate_self_reported_text, y + 8 * k,
		    k);
	draw_signature(cr, c);
	return y;
}

/*
 * The largest scale, down to a floor, at which the rows (many state
 * approvals, a long address) end above the signature lines: drawn on a
 * recording surface first, which only measures.
 */
static double
fitting_scale(const struct certificate *c)
{
	const double limit = PAGE_H - MARGIN - 40;
	double k = 1.0;

	for (; k > 0.55; k -= 0.05) {
		cairo_surface_t *rec = cairo_recording_surface_create(
		    CAIRO_CONTENT_COLOR_ALPHA, NULL);
		cairo_t *cr = cairo_create(rec);
		double end = draw_page(cr, c, k);

		cairo_destroy(cr);
		cairo_surface_destroy(rec);
		if (end <= limit)
			break;
	}
	return k;
}

static cairo_status_t
write_stream(void *closure, const unsigned char *data, unsigned int length)
{
	return fwrite(data, 1, length, closure) == length ?
	    CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int
certpdf_write(const char *path, const struct certificate *c, char **cause)
{
	struct stat st;
	cairo_surface_t *surface;
	cairo_status_t status;
	cairo_t *cr;
	char *tmp;
	FILE *fp;
	mode_t mask;
	int fd;

	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		*cause = xasprintf("%s: not a regular file (a link or a "
		    "folder); give the path of a new or existing file", path);
		return -1;
	}
	/* Written beside the target and renamed: never half a certificate. */
	tmp = xasprintf("%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0 || (fp = fdopen(fd, "wb")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return -1;
	}
	/* mkstemp makes it 0600: give it the mode any new file would get. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	surface = cairo_pdf_surface_create_for_stream(write_stream, fp,
	    PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
	    "Certificate of completion");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
	    PACKAGE_STRING);
	cr = cairo_create(surface);
	draw_page(cr, c, fitting_scale(c));
	cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	/*
	 * cairo keeps font faces cached for the life of the process; one
	 * certificate per run needs none of them afterwards, and valgrind
	 * would count them as leaks.
	 */
	cairo_debug_reset_static_data();
	FcFini();
	if (status != CAIRO_STATUS_SUCCESS || fflush(fp) != 0 ||
	    fsync(fileno(fp)) != 0 || ferror(fp)) {
		*cause = xasprintf("%s: %s", path, status != CAIRO_STATUS_SUCCESS ?
		    cairo_status_to_string(status) : strerror(errno ? errno : EIO));
		fclose(fp);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}
