/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_draft.c -- what keeps a note being typed alive (see today.h): this
 * wean's draft in the diary (one per running wean, so that several can
 * type at once), the private file handed to $EDITOR, and, at the start,
 * what a wean that is gone left behind, offered back.
 *
 * The $EDITOR's file is "<diary dir>/.wean-edit/note-SESSION-DATE.txt"
 * (folder 0700, file 0600).  It is removed once its text is safe; a wean
 * killed while the editor ran leaves it, and the next start reads it into
 * that wean's draft, removes it and offers the draft back.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records.h"
#include "core/text.h"
#include "db/crypt.h"
#include "db/db.h"
#include "db/note.h"
#include "today.h"

#define EDIT_DIR ".wean-edit"
#define EDIT_PREFIX "note-"
#define EDIT_SUFFIX ".txt"

/* ---- this wean's draft -------------------------------------------------- */

void wn_ui_today_draft_save(struct wn_ui *ui, struct today *t, struct wn_draft d)
{
	struct wn_err err = { 0 };
	d.session = t->session;
	if (wn_db_draft_save(ui->db, &d, &err) != WN_OK) {
		wn_ui_msg_err(ui, "the draft could not be kept", &err);
		return;
	}
	t->draft_dirty = false;
	t->draft_ms = wn_ui_now_ms();
}

void wn_ui_today_draft_note(struct wn_ui *ui, struct today *t)
{
	wn_ui_today_draft_save(ui, t, (struct wn_draft){ .date = t->note_date,
		.text = t->note.s, .base = t->note_base });
}

void wn_ui_today_draft_clear(struct wn_ui *ui, struct today *t)
{
	struct wn_err err = { 0 };
	if (wn_db_draft_clear(ui->db, t->session, &err) != WN_OK)
		wn_ui_msg_err(ui, "the draft could not be dropped", &err);
}

/* ---- the $EDITOR's file -------------------------------------------------- */

bool wn_ui_today_external_ok(const struct wn_ui *ui, const char **why)
{
	const char *no = !wn_edit_external_name() ?
		"no $VISUAL or $EDITOR set: write the note here (Esc saves it)" :
		wn_db_encrypted(ui->db) ?
		"the diary is encrypted: no plain file for $EDITOR; write the note here" :
		NULL;
	if (why)
		*why = no;
	return !no;
}

/* "<diary dir>/.wean-edit" into dir. */
static int edit_dir(struct wn_ui *ui, char *dir, size_t n, struct wn_err *err)
{
	const char *diary = wn_db_path(ui->db);
	const char *slash = strrchr(diary, '/');
	int len = slash ? (int)(slash - diary) : 0;
	int w = snprintf(dir, n, "%.*s%s" EDIT_DIR, len, diary, slash ? "/" : "");
	if (w < 0 || (size_t)w >= n)
		return wn_err_set(err, WN_CANTCREAT, "the diary's path is too long for"
		                  " the editor's file");
	return WN_OK;
}

/* dir exists as a folder of this user's, readable by nobody else. */
static int private_dir(const char *dir, struct wn_err *err)
{
	struct stat sb;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return wn_err_set(err, WN_CANTCREAT, "cannot create the folder %s: %s",
		                  dir, strerror(errno));
	if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) || sb.st_uid != geteuid())
		return wn_err_set(err, WN_CANTCREAT, "%s is not a folder of yours;"
		                  " the note cannot go to the editor", dir);
	if ((sb.st_mode & 0777) != 0700 && chmod(dir, 0700) != 0)
		return wn_err_set(err, WN_CANTCREAT, "cannot make %s private: %s", dir,
		                  strerror(errno));
	return WN_OK;
}

int wn_ui_today_edit_file(struct wn_ui *ui, const struct today *t, char *path,
                          size_t n, struct wn_err *err)
{
	char dir[4096], day[WN_DATE_STRLEN];
	int rc = edit_dir(ui, dir, sizeof dir, err);
	if (rc == WN_OK)
		rc = private_dir(dir, err);
	if (rc != WN_OK)
		return rc;
	int w = snprintf(path, n, "%s/" EDIT_PREFIX "%s-%s" EDIT_SUFFIX, dir,
	                 t->session, wn_date_format(t->note_date, day));
	if (w < 0 || (size_t)w >= n)
		return wn_err_set(err, WN_CANTCREAT, "the diary's path is too long for"
		                  " the editor's file");
	return WN_OK;
}

/* ---- what a wean that is gone left -------------------------------------- */

/* "note-SESSION-YYYY-MM-DD.txt": its session and date; false otherwise. */
static bool parse_name(const char *name, char *session, wn_date *date)
{
	size_t n = strlen(name), pre = strlen(EDIT_PREFIX), suf = strlen(EDIT_SUFFIX);
	size_t tail = 1 + (WN_DATE_STRLEN - 1) + suf;   /* "-YYYY-MM-DD.txt" */
	if (n <= pre + tail || strncmp(name, EDIT_PREFIX, pre) != 0 ||
	    strcmp(name + n - suf, EDIT_SUFFIX) != 0 || name[n - tail] != '-')
		return false;
	size_t slen = n - pre - tail;
	char day[WN_DATE_STRLEN];
	memcpy(day, name + n - tail + 1, WN_DATE_STRLEN - 1);
	day[WN_DATE_STRLEN - 1] = '\0';
	if (slen >= WN_SESSION_MAX || wn_date_parse_iso(day, date, NULL) != WN_OK)
		return false;
	memcpy(session, name + pre, slen);
	session[slen] = '\0';
	return true;
}

/* The file dir/name left by session: into its draft, then removed.  What
 * cannot be read back stays where it is, and the person is told. */
static void recover_file(struct wn_ui *ui, const char *dir, const char *name,
                         const char *session, wn_date date)
{
	char path[8192];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct wn_edit e;
	struct wn_err err = { 0 };
	if (wn_edit_init(&e, NULL, WN_TEXT_NOTE_MAX, true) != WN_OK)
		return;
	if (wn_edit_read_file(&e, path, &err) == WN_OK &&
	    wn_db_draft_set_text(ui->db, session, date, e.s, &err) == WN_OK)
		unlink(path);
	else
		wn_ui_msg(ui, WN_R_ERROR, "a note left for $EDITOR stays in " EDIT_DIR
		          " beside the diary: %s", err.msg);
	wn_edit_free(&e);
}

/* Every file of the editor's folder whose wean is gone, into its draft. */
static void recover_files(struct wn_ui *ui)
{
	char dir[4096];
	if (edit_dir(ui, dir, sizeof dir, NULL) != WN_OK)
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		char session[WN_SESSION_MAX];
		wn_date date;
		if (parse_name(de->d_name, session, &date) && !wn_session_alive(session))
			recover_file(ui, dir, de->d_name, session, date);
	}
	closedir(d);
}

void wn_ui_today_draft_offer(struct wn_ui *ui, struct today *t)
{
	struct wn_err err = { 0 };
	struct wn_draft_kept k;
	recover_files(ui);
	if (wn_db_draft_adopt(ui->db, t->session, &k, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot look for kept notes", &err);
		return;
	}
	if (!k.text)
		return;
	/* it stays in the diary, as this wean's draft, until the person answers */
	t->offer = true;
	t->offer_text = k.text;
	t->offer_base = k.base;
	t->offer_date = k.date > ui->today ? ui->today : k.date;
}
