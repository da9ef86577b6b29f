/* SPDX-License-Identifier: GPL-3.0-or-later */
/* correct.c -- corrections shared by the screens (issue 16 item 3): a
 * whole day's record deleted, asked first and backed up first (Today and
 * the Calendar, key X); the mark of a symptom present before the taper
 * (Today, key P). */
#include <stdio.h>
#include <string.h>

#include "core/vocab.h"
#include "db/backups.h"
#include "db/day.h"
#include "db/db.h"
#include "db/symptoms.h"
#include "tui.h"

bool wn_ui_day_delete_ask(struct wn_ui *ui, wn_date day, char *q, size_t n)
{
	struct wn_day d;
	struct wn_vocab_facts f;
	struct wn_err err = { 0 };
	char ds[WN_DATE_STRLEN], parts[160];
	if (wn_db_day_load(ui->db, day, &d, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot read the day", &err);
		return false;
	}
	wn_vocab_facts_of_day(&d, &f);
	wn_vocab_day_parts(&f, parts, sizeof parts);
	wn_day_free(&d);
	wn_date_format(day, ds);
	if (!parts[0]) {
		wn_ui_msg(ui, WN_R_NOTICE, "%s has no record to delete", ds);
		return false;
	}
	snprintf(q, n, "delete the record of %s? a backup is made first y/N", ds);
	return true;
}

bool wn_ui_day_delete(struct wn_ui *ui, wn_date day)
{
	struct wn_err err = { 0 };
	char path[4200], ds[WN_DATE_STRLEN];
	int rc = wn_db_backup_name(wn_db_path(ui->db), ui->today, path, sizeof path, &err);
	if (rc == WN_OK)
		rc = wn_db_backup_file(ui->db, path, false, &err);
	if (rc != WN_OK) {
		wn_ui_msg_err(ui, "no backup, nothing deleted", &err);
		return false;
	}
	if ((rc = wn_db_day_delete(ui->db, day, NULL, &err)) != WN_OK) {
		wn_ui_msg_err(ui, "not deleted", &err);
		return false;
	}
	ui->gen++;
	const char *slash = strrchr(path, '/');
	wn_ui_msg(ui, WN_R_SAVED, "deleted the record of %s; backup: %s%s",
	          wn_date_format(day, ds), slash ? WN_BACKUP_DIR "/" : "", slash ? slash + 1 : path);
	return true;
}

bool wn_ui_symptom_preexisting(struct wn_ui *ui, struct wn_symptom *s)
{
	struct wn_err err = { 0 };
	if (wn_db_symptom_set_preexisting(ui->db, s->id, !s->preexisting, &err) != WN_OK) {
		wn_ui_msg_err(ui, "not saved", &err);
		return false;
	}
	s->preexisting = !s->preexisting;
	if (s->preexisting)
		wn_ui_msg(ui, WN_R_SAVED, "%s: present before the taper, not counted as a"
		          " withdrawal sign", s->name);
	else
		wn_ui_msg(ui, WN_R_SAVED, "%s: counted again (not marked as present before"
		          " the taper)", s->name);
	return true;
}
