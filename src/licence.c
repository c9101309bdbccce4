/*
 * The licence fields of an identity (licence.h): a table of the
 * jurisdictions a certificate may name, looked up by code or name, and
 * the characters a licence number may hold.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "defaults.h"
#include "licence.h"

static const struct jurisdiction {
	const char *code;
	const char *name;
	const char *alias;	/* another usual name, or NULL */
} jurisdictions[] = {
	{"AL", "Alabama", NULL}, {"AK", "Alaska", NULL},
	{"AZ", "Arizona", NULL}, {"AR", "Arkansas", NULL},
	{"CA", "California", NULL}, {"CO", "Colorado", NULL},
	{"CT", "Connecticut", NULL}, {"DE", "Delaware", NULL},
	{"FL", "Florida", NULL}, {"GA", "Georgia", NULL},
	{"HI", "Hawaii", NULL}, {"ID", "Idaho", NULL},
	{"IL", "Illinois", NULL}, {"IN", "Indiana", NULL},
	{"IA", "Iowa", NULL}, {"KS", "Kansas", NULL},
	{"KY", "Kentucky", NULL}, {"LA", "Louisiana", NULL},
	{"ME", "Maine", NULL}, {"MD", "Maryland", NULL},
	{"MA", "Massachusetts", NULL}, {"MI", "Michigan", NULL},
	{"MN", "Minnesota", NULL}, {"MS", "Mississippi", NULL},
	{"MO", "Missouri", NULL}, {"MT", "Montana", NULL},
	{"NE", "Nebraska", NULL}, {"NV", "Nevada", NULL},
	{"NH", "New Hampshire", NULL}, {"NJ", "New Jersey", NULL},
	{"NM", "New Mexico", NULL}, {"NY", "New York", NULL},
	{"NC", "North Carolina", NULL}, {"ND", "North Dakota", NULL},
	{"OH", "Ohio", NULL}, {"OK", "Oklahoma", NULL},
	{"OR", "Oregon", NULL}, {"PA", "Pennsylvania", NULL},
	{"RI", "Rhode Island", NULL}, {"SC", "South Carolina", NULL},
	{"SD", "South Dakota", NULL}, {"TN", "Tennessee", NULL},
	{"TX", "Texas", NULL}, {"UT", "Utah", NULL},
	{"VT", "Vermont", NULL}, {"VA", "Virginia", NULL},
	{"WA", "Washington", NULL}, {"WV", "West Virginia", NULL},
	{"WI", "Wisconsin", NULL}, {"WY", "Wyoming", NULL},
	{"DC", "District of Columbia", "Washington DC"},
	{"AS", "American Samoa", NULL}, {"GU", "Guam", NULL},
	{"MP", "Northern Mariana Islands", NULL},
	{"PR", "Puerto Rico", NULL},
	{"VI", "US Virgin Islands", "Virgin Islands"},
	/* Canada: provinces and territories. */
	{"AB", "Alberta", NULL}, {"BC", "British Columbia", NULL},
	{"MB", "Manitoba", NULL}, {"NB", "New Brunswick", NULL},
	{"NL", "Newfoundland and Labrador", "Newfoundland"},
	{"NS", "Nova Scotia", NULL}, {"NT", "Northwest Territories", NULL},
	{"NU", "Nunavut", NULL}, {"ON", "Ontario", NULL},
	{"PE", "Prince Edward Island", NULL},
	{"QC", "Quebec", "Qu\xc3\xa9" "bec"},
	{"SK", "Saskatchewan", NULL}, {"YT", "Yukon", NULL},
};

/*
 * text as the table spells it, into buf: dots dropped ("N.Y.", "U.S.
 * Virgin Islands"), hyphens and runs of white space one space, none
 * around.  False when it does not fit (no name in the table is that long).
 */
static bool
simplify(const char *text, char *buf, size_t size)
{
	size_t n = 0;
	bool space = false;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '.')
			continue;
		if (*p == ' ' || *p == '\t' || *p == '-') {
			space = n > 0;
			continue;
		}
		if (n + (space ? 2 : 1) >= size)
			return false;
		if (space)
			buf[n++] = ' ';
		space = false;
		buf[n++] = *p;
	}
	buf[n] = '\0';
	return true;
}

const char *
licence_state_code(const char *text)
{
	char buf[64];

	if (!simplify(text, buf, sizeof buf))
		return NULL;
	for (size_t i = 0; i < sizeof jurisdictions / sizeof *jurisdictions;
	    i++) {
		const struct jurisdiction *j = &jurisdictions[i];

		if (strcasecmp(buf, j->code) == 0 ||
		    strcasecmp(buf, j->name) == 0 ||
		    (j->alias != NULL && strcasecmp(buf, j->alias) == 0))
			return j->code;
	}
	return NULL;
}

const char *
licence_number_problem(const char *text)
{
	size_t len = strlen(text);

	if (len == 0)
		return "it is empty";
	if (len > LICENCE_NUMBER_MAX)
		return "it is longer than " LICENCE_NUMBER_MAX_TEXT " characters";
	/*
	 * Board numbers are ASCII letters and digits with a few separators;
	 * a letter from another script (Cyrillic 'А' for 'A') would make a
	 * number that reads as another.
	 */
	if (strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789 -./#") != len)
		return "a licence number holds only the letters A to Z, "
		    "digits, spaces and - . / #";
	return NULL;
}
