/* diff.h — `flowc diff`: compares two compiled versions process by
 * process, by ID: processes added and removed; metadata, revisions,
 * terms, lanes and phases; nodes added, removed, renamed (same kind,
 * label, lane and neighbours under a new ID) and changed field by field;
 * edges and branches added, removed and relabelled. Reads both Programs;
 * allocates in the new side's arena; writes text or JSON. */
#ifndef FLOWC_DIFF_H
#define FLOWC_DIFF_H
#include <stdio.h>
#include "ir.h"

/* Compares the processes of the files named on the command line of a
 * (the old version, shown as old_name) and of b (new_name), both without
 * errors, and writes the differences. Returns how many processes differ. */
int diff_write(Ctx *a, Ctx *b, const char *old_name, const char *new_name, int json, FILE *out);

#endif
