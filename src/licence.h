/*
 * What a CE certificate may say about the learner's licence: the number,
 * as letters, digits and a few separators, and the jurisdiction that
 * issued it, one of a fixed list kept in one canonical form.  The list is
 * the jurisdictions that license massage therapists and whose boards
 * read a CE certificate: the 50 US states, the District of Columbia, the
 * five inhabited US territories (AS, GU, MP, PR, VI) and the Canadian
 * provinces and territories.  Anything else ("other", a country, a board's
 * name) is refused: a board cannot check a licence whose issuer it cannot
 * name.
 */
#ifndef PSOAS_LICENCE_H
#define PSOAS_LICENCE_H

/*
 * The two-letter postal code ("FL") of the jurisdiction typed as its code
 * or its name, in any case, with dots and runs of spaces aside ("fl",
 * "Florida", "N.Y.", "district of columbia"); a static string, or NULL
 * when text names none of the list.
 */
const char *licence_state_code(const char *text);

/* Why text cannot be a licence number, or NULL (a static string). */
const char *licence_number_problem(const char *text);

#endif
