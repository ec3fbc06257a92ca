/* stats.h — `flowc stats`: measures of checked processes (nodes by kind,
 * steps per lane, decisions, forks, calls, forms, risks and controls,
 * path lengths, cyclomatic complexity) and their time budget from the
 * `within` limits on a working calendar. Reads the Program; allocates
 * in the Ctx arena; writes a text table or JSON. */
#ifndef FLOWC_STATS_H
#define FLOWC_STATS_H
#include <stdio.h>
#include "ir.h"

/* Hours in a working day and working days in a week. Limits in `h` and
 * `min` are working time; `d`, `w`, `mo` are calendar time, converted at
 * the calendar's average: a week (7 days) holds days_per_week working
 * days, a month is 30 days. */
typedef struct Calendar { int hours_per_day, days_per_week; } Calendar;
#define CALENDAR_DEFAULT ((Calendar){8, 5})

/* A limit in sevenths of a working minute (every unit is a whole number
 * of those), saturating far below overflow. */
long long stats_duration(const Calendar *cal, Duration d);

/* Writes the statistics of the n processes sel[] (each without errors). */
void stats_write(Ctx *c, Process *const *sel, int n, const Calendar *cal, int json, FILE *out);

#endif
