/*
 * Points as text (points.h): one function writes every form, so the
 * rounding, the bound and the decimal point are decided once; the journal
 * reader is beside it so what is written is what is read back.
 */
#include "config.h"

#include <stdio.h>

#include "points.h"

static const struct {
	int decimals;
	long long scale;	/* 10^decimals */
	bool trim;		/* drop trailing zeros (and a bare '.') */
} forms[] = {
	[POINTS_SHOWN] = { 3, 1000, true },
	[POINTS_RECORD] = { 6, 1000000, true },
	[POINTS_EXPORT] = { 3, 1000, false },
};

void
points_format(char *buf, size_t size, double v, enum points_form form)
{
	long long scale = forms[form].scale, m, ip, frac;
	int len;

	if (!(v > -POINTS_MAX && v < POINTS_MAX))
		v = 0;
	m = (long long)(v * (double)scale + (v >= 0 ? 0.5 : -0.5));
	ip = (m < 0 ? -m : m) / scale;
	frac = (m < 0 ? -m : m) % scale;
	if (forms[form].trim && frac == 0) {
		snprintf(buf, size, "%s%lld", m < 0 ? "-" : "", ip);
		return;
	}
	len = snprintf(buf, size, "%s%lld.%0*lld", m < 0 ? "-" : "", ip,
	    forms[form].decimals, frac);
	if (len < 0 || (size_t)len >= size)
		return;
	while (forms[form].trim && buf[len - 1] == '0')
		buf[--len] = '\0';
}

bool
points_parse(const char *s, double *out)
{
	long long ip = 0, frac = 0;
	int idigits = 0, fdigits = 0;
	bool neg = *s == '-';

	if (neg)
		s++;
	for (; *s >= '0' && *s <= '9'; s++, idigits++) {
		if (idigits == 12)
			return false;
		ip = ip * 10 + (*s - '0');
	}
	if (idigits == 0)
		return false;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, fdigits++) {
			if (fdigits == 6)
				return false;
			frac = frac * 10 + (*s - '0');
		}
		if (fdigits == 0)
			return false;
	}
	if (*s != '\0')
		return false;
	for (int i = fdigits; i < 6; i++)
		frac *= 10;
	*out = (double)(ip * 1000000 + frac) / 1e6;
	if (neg)
		*out = -*out;
	return true;
}
