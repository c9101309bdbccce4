/*
 * SHA-1 and version 5 UUIDs (uuid.h), written from FIPS 180-4 section 6.1
 * and RFC 9562: libsodium, which the provider side uses for hashing, has
 * no SHA-1, and version 5 needs it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "uuid.h"
#include "xmalloc.h"

static uint32_t
rol(uint32_t x, int n)
{
	return x << n | x >> (32 - n);
}

static void
sha1_block(uint32_t h[5], const unsigned char *p)
{
	uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];

	for (int t = 0; t < 16; t++)
		w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
		    (uint32_t)p[4 * t + 2] << 8 | p[4 * t + 3];
	for (int t = 16; t < 80; t++)
		w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
	for (int t = 0; t < 80; t++) {
		uint32_t f, k, tmp;

		if (t < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (t < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (t < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		tmp = rol(a, 5) + f + e + k + w[t];
		e = d;
		d = c;
		c = rol(b, 30);
		b = a;
		a = tmp;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
}

void
uuid_sha1(const void *s, size_t len, unsigned char out[20])
{
	uint32_t h[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
		0xc3d2e1f0 };
	const unsigned char *p = s;
	unsigned char last[128];
	size_t full = len / 64 * 64, rest = len - full, pad;
	uint64_t bits = (uint64_t)len * 8;

	for (size_t i = 0; i < full; i += 64)
		sha1_block(h, p + i);
	memset(last, 0, sizeof last);
	if (rest > 0)
		memcpy(last, p + full, rest);
	last[rest] = 0x80;
	pad = rest < 56 ? 64 : 128;
	for (int i = 0; i < 8; i++)
		last[pad - 1 - (size_t)i] = (unsigned char)(bits >> (8 * i));
	sha1_block(h, last);
	if (pad == 128)
		sha1_block(h, last + 64);
	for (int i = 0; i < 5; i++) {
		out[4 * i] = (unsigned char)(h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(h[i] >> 8);
		out[4 * i + 3] = (unsigned char)h[i];
	}
}

int
uuid_v5(const char *ns, const void *name, size_t len,
    char out[UUID_TEXT_LEN + 1])
{
	unsigned char *buf = xmalloc(16 + len), md[20];
	size_t k = 0;

	for (size_t i = 0; ns[i] != '\0'; i++) {
		int hi, lo;

		if (ns[i] == '-' && (i == 8 || i == 13 || i == 18 || i == 23))
			continue;
		if (k == 16 || (hi = text_hex_digit(ns[i])) < 0 || ns[i + 1] == '\0' ||
		    (lo = text_hex_digit(ns[i + 1])) < 0) {
			free(buf);
			return -1;
		}
		buf[k++] = (unsigned char)(hi << 4 | lo);
		i++;
	}
	if (k != 16) {
		free(buf);
		return -1;
	}
	if (len > 0)
		memcpy(buf + 16, name, len);
	uuid_sha1(buf, 16 + len, md);
	free(buf);
	md[6] = (unsigned char)((md[6] & 0x0f) | 0x50);	/* version 5 */
	md[8] = (unsigned char)((md[8] & 0x3f) | 0x80);	/* RFC variant */
	snprintf(out, UUID_TEXT_LEN + 1, "%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x", md[0], md[1], md[2], md[3],
	    md[4], md[5], md[6], md[7], md[8], md[9], md[10], md[11], md[12],
	    md[13], md[14], md[15]);
	return 0;
}
