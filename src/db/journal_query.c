/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal_query.c -- what a person types into the journal's search, as
 * an FTS5 query (journal.h, journal_int.h).
 *
 * Each typed word means "a word starting with it".  FTS5 can say that
 * itself ("dizzy"*), but without a prefix index (schema 5 has none) it
 * reads every match of every word with that start into memory before it
 * returns the first, whatever the LIMIT or the range of keys: a search of
 * 100 years cost three times one of 10 years.  So the word is cut into
 * tokens as the index cuts its texts (SQLite's own unicode61 tokenizer,
 * with the index's options), and the last token's start is looked up in
 * the index's term list (fts5vocab, one seek per word found); the query
 * then names those words, and FTS5 reads their matches lazily, newest or
 * oldest first, as far as it is asked to. */
#include "db/journal.h"
#include "db_int.h"
#include "journal_int.h"

#include <stdio.h>
#include <string.h>

static bool word_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c >= 0x80;
}

static bool space_char(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Does s[0..len) hold a letter or digit?  Words without one (only ASCII
 * punctuation) are left out: they would match nothing. */
static bool has_word(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (word_char((unsigned char)s[i]))
			return true;
	return false;
}

/* Appends s[0..len) as an FTS5 string ("...", a quote doubled). */
static void add_string(struct wn_buf *b, const char *s, size_t len)
{
	wn_buf_addc(b, '"');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			wn_buf_addc(b, '"');
		wn_buf_addc(b, s[i]);
	}
	wn_buf_addc(b, '"');
}

/* The next thing typed from *i: a phrase (in double quotes, an unclosed
 * one to the end) or a word, as s[*from .. *to); false at the end. */
static bool next_item(const char *text, size_t len, size_t *i, size_t *from,
                      size_t *to, bool *phrase)
{
	while (*i < len && space_char(text[*i]))
		(*i)++;
	if (*i >= len)
		return false;
	if (text[*i] == '"') {
		size_t end = *i + 1;
		while (end < len && text[end] != '"')
			end++;
		*from = *i + 1;
		*to = end;
		*phrase = true;
		*i = end < len ? end + 1 : end;
		return true;
	}
	size_t end = *i;
	while (end < len && !space_char(text[end]) && text[end] != '"')
		end++;
	*from = *i;
	*to = end;
	*phrase = false;
	*i = end;
	return true;
}

static int check_text(const char *text, struct wn_err *err)
{
	size_t len = text ? strlen(text) : 0;
	if (len == 0)
		return wn_err_set(err, WN_USAGE, "search: nothing to look for");
	if (len > WN_JOURNAL_NEEDLE_MAX)
		return wn_err_set(err, WN_USAGE, "search: at most %d bytes",
		                  WN_JOURNAL_NEEDLE_MAX);
	return WN_OK;
}

int wn_journal_query(const char *text, char *out, size_t n, struct wn_err *err)
{
	int rc = check_text(text, err);
	if (rc != WN_OK)
		return rc;
	if (n < WN_JOURNAL_QUERY_MAX)
		return wn_err_set(err, WN_USAGE, "search: no room for the query");
	struct wn_buf b;
	wn_buf_init(&b);
	size_t len = strlen(text), i = 0, from, to;
	bool phrase;
	while (next_item(text, len, &i, &from, &to, &phrase)) {
		if (!has_word(text + from, to - from))
			continue;
		if (b.len)
			wn_buf_addc(&b, ' ');
		add_string(&b, text + from, to - from);
		if (!phrase)
			wn_buf_addc(&b, '*');
	}
	if (b.failed) {
		wn_buf_free(&b);
		return wn_err_set(err, WN_ERR, "search: out of memory");
	}
	snprintf(out, n, "%.*s", (int)b.len, b.len ? b.s : "");
	wn_buf_free(&b);
	return WN_OK;
}

/* ---- a word's start, spelt out ----------------------------------------------- */

/* The tokens of one word, as the index's tokenizer cuts it. */
struct tokens {
	struct wn_buf text;          /* the tokens, each followed by a NUL */
	size_t n;
	size_t last;                 /* offset of the last one */
};

static int take_token(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	(void)start;
	(void)end;
	struct tokens *t = ctx;
	if (flags & FTS5_TOKEN_COLOCATED)    /* unicode61 has none; kept out */
		return SQLITE_OK;
	t->last = t->text.len;
	wn_buf_add(&t->text, tok, (size_t)len);
	wn_buf_addc(&t->text, '\0');
	t->n++;
	return t->text.failed ? SQLITE_NOMEM : SQLITE_OK;
}

/* The index's tokenizer (schema.c: unicode61 remove_diacritics 2). */
static const char *tok_args[] = { "remove_diacritics", "2" };
static const char api_sql[] = "SELECT fts5(?1)";

static int tokenize(struct wn_db *db, const char *s, size_t len, struct tokens *t)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	struct wn_err err = { 0 };
	if (wn_db_stmt(db, api_sql, &st, &err) != WN_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	void *ud;
	fts5_tokenizer tk;
	Fts5Tokenizer *tok;
	if (!api || api->xFindTokenizer(api, "unicode61", &ud, &tk) != SQLITE_OK)
		return -1;
	if (tk.xCreate(ud, tok_args, 2, &tok) != SQLITE_OK)
		return -1;
	int rc = tk.xTokenize(tok, t, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, s,
	                      (int)len, take_token);
	tk.xDelete(tok);
	return rc == SQLITE_OK ? 0 : -1;
}

/* The index's words, in byte order, one row per use: the first row of a
 * seek costs one lookup in each segment, never a word's list of uses. */
static const char vocab_sql[] = "CREATE VIRTUAL TABLE IF NOT EXISTS"
	" temp.wn_journal_terms USING fts5vocab(main, journal_fts, 'instance')";
static const char term_sql[] = "SELECT term FROM temp.wn_journal_terms"
	" WHERE term >= ?1 LIMIT 1";

/* The index's words starting with p (len bytes) into w (each followed by
 * a NUL), at most WN_JOURNAL_TERMS_MAX + 1 of them (more: too many). */
static int starting_with(struct wn_db *db, const char *p, size_t len, struct wn_buf *w,
                         size_t *n, struct wn_err *err)
{
	char after[WN_JOURNAL_QUERY_MAX + 2];
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, term_sql, &st, err);
	*n = 0;
	if (rc != WN_OK)
		return rc;
	if (len > WN_JOURNAL_QUERY_MAX)
		len = WN_JOURNAL_QUERY_MAX;
	memcpy(after, p, len);
	size_t alen = len;
	while (*n <= WN_JOURNAL_TERMS_MAX) {
		sqlite3_bind_text(st, 1, after, (int)alen, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW)
			break;
		const char *term = (const char *)sqlite3_column_text(st, 0);
		size_t tlen = (size_t)sqlite3_column_bytes(st, 0);
		if (!term || tlen < len || memcmp(term, p, len) != 0 ||
		    tlen > WN_JOURNAL_QUERY_MAX)
			break;
		wn_buf_add(w, term, tlen);
		wn_buf_addc(w, '\0');
		(*n)++;
		/* the next word: no token holds a byte 1, so every longer word
		 * with this start sorts after term + 0x01 */
		memcpy(after, term, tlen);
		after[tlen] = '\x01';
		alen = tlen + 1;
		sqlite3_reset(st);
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	rc = wn_db_finish(db, st, rc, "search the journal", err);
	if (rc == WN_OK && w->failed)
		rc = wn_err_set(err, WN_ERR, "cannot search the journal: out of memory");
	return rc;
}

/* A phrase of the tokens before the last, then `last`, appended to q. */
static void add_phrase(struct wn_buf *q, const struct tokens *t, const char *last)
{
	struct wn_buf p;
	wn_buf_init(&p);
	for (size_t off = 0; off < t->last; off += strlen(t->text.s + off) + 1) {
		wn_buf_adds(&p, t->text.s + off);
		wn_buf_addc(&p, ' ');
	}
	wn_buf_adds(&p, last);
	if (p.failed)
		q->failed = true;
	else
		add_string(q, p.s, p.len);
	wn_buf_free(&p);
}

/* One typed word, into q: its start spelt out, or as FTS5's prefix query
 * when it cannot be (no token, or too many words start with it). */
static int add_word(struct wn_db *db, const char *s, size_t len, struct wn_buf *q,
                    struct wn_err *err)
{
	struct tokens t = { .n = 0 };
	struct wn_buf words;
	size_t n = 0;
	int rc = WN_OK;
	wn_buf_init(&t.text);
	wn_buf_init(&words);
	if (tokenize(db, s, len, &t) == 0 && t.n > 0 && !t.text.failed) {
		const char *last = t.text.s + t.last;
		rc = starting_with(db, last, strlen(last), &words, &n, err);
	} else {
		n = WN_JOURNAL_TERMS_MAX + 1;
	}
	if (rc != WN_OK) {
		/* nothing added */
	} else if (n > WN_JOURNAL_TERMS_MAX) {
		add_string(q, s, len);
		wn_buf_addc(q, '*');
	} else if (n == 0) {                  /* no word starts so: no match */
		add_phrase(q, &t, t.text.s + t.last);
	} else {
		wn_buf_addc(q, '(');
		size_t off = 0;
		for (size_t k = 0; k < n; k++, off += strlen(words.s + off) + 1) {
			if (k)
				wn_buf_adds(q, " OR ");
			add_phrase(q, &t, words.s + off);
		}
		wn_buf_addc(q, ')');
	}
	wn_buf_free(&t.text);
	wn_buf_free(&words);
	return rc;
}

int wn_journal_search_ready(struct wn_db *db, struct wn_err *err)
{
	return wn_db_exec(db, vocab_sql, "search the journal", err);
}

int wn_journal_expand(struct wn_db *db, const char *text, struct wn_buf *q,
                      struct wn_err *err)
{
	int rc = check_text(text, err);
	if (rc == WN_OK)
		rc = wn_journal_search_ready(db, err);
	size_t len = text ? strlen(text) : 0, i = 0, from, to;
	bool phrase;
	while (rc == WN_OK && next_item(text, len, &i, &from, &to, &phrase)) {
		if (!has_word(text + from, to - from))
			continue;
		if (q->len)
			wn_buf_adds(q, " AND ");
		if (phrase)
			add_string(q, text + from, to - from);
		else
			rc = add_word(db, text + from, to - from, q, err);
	}
	if (rc == WN_OK && q->failed)
		rc = wn_err_set(err, WN_ERR, "cannot search the journal: out of memory");
	return rc;
}
