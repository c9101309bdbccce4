/*
 * The clock (clock.h): the system's, or the one a test injects through
 * PSOAS_TUTOR_NOW, read once on first use.  A malformed value is ignored
 * (the real clock is used), so a stray variable can never stop a learner.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "clock.h"

static struct {
	bool read;		/* the environment was looked at */
	bool injected;
	long long start, step;	/* seconds */
	long long ticks;
} clk;

/* "T" or "T+S", both non-negative decimal numbers. */
static void
read_env(void)
{
	const char *s = getenv(CLOCK_ENV);
	char *end;
	long long t, step = 0;

	clk.read = true;
	if (s == NULL || *s < '0' || *s > '9')
		return;
	errno = 0;
	t = strtoll(s, &end, 10);
	if (errno != 0 || (time_t)t != t)
		return;
	if (*end == '+') {
		s = end + 1;
		if (*s < '0' || *s > '9')
			return;
		step = strtoll(s, &end, 10);
		if (errno != 0 || step > 86400)
			return;
	}
	if (*end != '\0')
		return;
	clk.injected = true;
	clk.start = t;
	clk.step = step;
}

time_t
clock_now(void)
{
	if (!clk.read)
		read_env();
	if (!clk.injected)
		return time(NULL);
	return (time_t)(clk.start + clk.step * clk.ticks);
}

void
clock_tick(void)
{
	if (!clk.read)
		read_env();
	clk.ticks++;
}

bool
clock_injected(void)
{
	if (!clk.read)
		read_env();
	return clk.injected;
}
