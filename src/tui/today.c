/* ui_today.c -- the Today screen: the daily check-in.
 *
 * One day at a time (today, or an earlier day being filled in): metrics,
 * the symptom grid, doses, the prescriber flag, questions, quick notes and
 * the note.  Every change is written to the diary at once (one
 * transaction per action) and the day is read back, so what is shown is
 * what is saved.  The note is saved when the editor is left; while typing,
 * a draft is kept after a pause and when the terminal goes away.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/holdrule.h"
#include "db/plan.h"
#include "db/db.h"
#include "core/taper.h"
#include "core/text.h"
#include "tui.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/day.h"
#include "db/med.h"
#include "db/symptoms.h"

#define MAX_FIELDS 600
#define TYPE_WINDOW_MS 1200      /* digits typed within this make one number */
#define DRAFT_EVERY_MS 10000     /* while typing without a pause */
#define LINE_MAX_BYTES 1000      /* a question, a quick note, a value */

enum field_kind {
	F_MOOD, F_ANXIETY, F_ENERGY, F_SLEEP, F_CUSTOM, F_SYMPTOM, F_DOSE,
	F_FLAG, F_QUESTIONS, F_QUICK, F_NOTE,
};

/* A medication's active taper plan and its schedule, built once. */
struct med_plan {
	bool has;
	struct wn_plan plan;
	struct wn_schedule sched;
};

enum prompt_kind { P_NONE, P_QUESTION, P_QUICK, P_DOSE, P_VALUE };

struct field {
	int kind, idx;
	int y, x, w;             /* y: content row; x: screen column */
};

struct layout {
	struct field f[MAX_FIELDS];
	size_t nf;
	int metrics_y, grid_head_y, dose_y, presc_y, list_y, rows;
	int grid_cols, grid_rows, name_w, cell_w, metric_lw, metric_w;
	int view_top, view_rows;  /* screen rows for the content */
	int note_top, note_rows;  /* screen rows for the note (heading first) */
};

static struct today {
	bool started;            /* entered once (later entries just reload) */
	unsigned gen;            /* ui->gen when medications were loaded */
	wn_date date;
	struct wn_day day;
	bool have_day;
	struct wn_symptom *sym;
	size_t n_sym;
	struct wn_med *med;
	size_t n_med;
	double *usual;           /* per medication; NAN = none known */
	struct med_plan *plans;  /* per medication */
	struct layout L;
	int focus_kind, focus_idx;
	int scroll;
	char acc[12];            /* digits being typed */
	int acc_kind, acc_idx;
	long long acc_ms;
	/* the note editor */
	bool editing;
	struct wn_edit note;
	wn_date note_date;
	bool draft_dirty;
	long long draft_ms;
	/* a one-line prompt */
	int prompt;
	int prompt_idx;
	struct wn_edit line;
	/* a kept draft waiting for yes/no */
	bool offer;
	char *offer_text;
	wn_date offer_date;
} T;

/* ---- small helpers ------------------------------------------------------ */

static int now_minute(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

static void fmt_minute(int m, char *buf, size_t n)
{
	if (m < 0)
		snprintf(buf, n, "--:--");
	else
		snprintf(buf, n, "%02d:%02d", m / 60, m % 60);
}

static void fmt_num(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.6g", v);
}

static const char *level_word(int v)
{
	static const char *const words[] = { "none", "mild", "moderate", "severe" };
	return v >= 0 && v <= 3 ? words[v] : "not rated";
}

static int level_role(int v)
{
	static const int r[] = { WN_R_NORMAL, WN_R_MILD, WN_R_MODERATE, WN_R_SEVERE };
	return v >= 0 && v <= 3 ? r[v] : WN_R_DIM;
}

static const char *metric_name(int kind, int idx, const struct wn_config *cfg)
{
	switch (kind) {
	case F_MOOD: return "mood";
	case F_ANXIETY: return "anxiety";
	case F_ENERGY: return "energy";
	case F_SLEEP: return "sleep";
	default: return cfg->metrics[idx].name;
	}
}

static bool is_metric(int kind)
{
	return kind == F_MOOD || kind == F_ANXIETY || kind == F_ENERGY ||
	       kind == F_SLEEP || kind == F_CUSTOM;
}

/* ---- reading the day ---------------------------------------------------- */

static int rating_of(long symptom_id)
{
	for (size_t i = 0; i < T.day.n_ratings; i++)
		if (T.day.ratings[i].symptom_id == symptom_id)
			return T.day.ratings[i].value;
	return WN_UNSET;
}

/* Current value of a metric field; NAN when not recorded. */
static double metric_value(int kind, int idx, const struct wn_config *cfg)
{
	const struct wn_checkin *c = &T.day.ci;
	int v = WN_UNSET;
	switch (kind) {
	case F_MOOD: v = c->mood; break;
	case F_ANXIETY: v = c->anxiety; break;
	case F_ENERGY: v = c->energy; break;
	case F_SLEEP: return c->sleep;
	default:
		for (size_t i = 0; i < T.day.n_metrics; i++)
			if (!strcasecmp(T.day.metrics[i].name, cfg->metrics[idx].name))
				return T.day.metrics[i].value;
		return NAN;
	}
	return v == WN_UNSET ? NAN : v;
}

struct range {
	double lo, hi;
};

static struct range metric_range(int kind, int idx, const struct wn_config *cfg)
{
	if (kind == F_CUSTOM)
		return (struct range){ cfg->metrics[idx].min, cfg->metrics[idx].max };
	return (struct range){ 0, kind == F_SLEEP ? 24 : 10 };
}

static bool name_hidden(const char *list, const char *name)
{
	const char *p = list;
	size_t n = strlen(name);
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t t = len;
		while (t > 0 && p[t - 1] == ' ')
			t--;
		if (t == n && t > 0 && !strncasecmp(p, name, n))
			return true;
		p += len;
	}
	return false;
}

static int load_symptoms(struct wn_ui *ui, struct wn_err *err)
{
	free(T.sym);
	T.sym = NULL;
	T.n_sym = 0;
	struct wn_symptom *all;
	size_t n;
	int rc = wn_db_symptom_list(ui->db, false, &all, &n, err);
	if (rc != WN_OK)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!name_hidden(ui->cfg->hidden_symptoms, all[i].name))
			all[k++] = all[i];
	T.sym = all;
	T.n_sym = k;
	return WN_OK;
}

/* The latest dose of med_id in a loaded day, or NULL. */
static const struct wn_dose *last_dose_in(const struct wn_day *d, long med_id)
{
	const struct wn_dose *best = NULL;
	for (size_t i = 0; i < d->n_doses; i++)
		if (d->doses[i].med_id == med_id &&
		    (!best || d->doses[i].minute >= best->minute))
			best = &d->doses[i];
	return best;
}

/* The planned dose of medication m on the day shown; NAN when none. */
static double planned_dose(size_t m)
{
	if (!T.plans || !T.plans[m].has)
		return NAN;
	return wn_plan_planned_on(&T.plans[m].plan, &T.plans[m].sched, T.date);
}

struct dose_days {
	wn_date date[32];
	size_t n;                /* ring of the latest days with doses */
};

static int collect_dose_day(void *ctx, const struct wn_day_summary *s)
{
	struct dose_days *dd = ctx;
	if (s->n_doses > 0)
		dd->date[dd->n++ % 32] = s->date;
	return 0;
}

/* "Usual dose": the last amount recorded for each medication, on or
 * before the day shown (a bounded look back). */
static void find_usual(struct wn_ui *ui)
{
	for (size_t m = 0; m < T.n_med; m++)
		T.usual[m] = NAN;
	struct dose_days dd = { .n = 0 };
	struct wn_err err = { 0 };
	size_t left = T.n_med;
	for (size_t m = 0; m < T.n_med; m++) {
		double planned = planned_dose(m);
		if (planned > 0) {      /* the plan pre-fills the dose */
			T.usual[m] = planned;
			left--;
		}
	}
	/* only a medication without a planned dose needs the look back, so
	 * the start does not read history when every dose is planned */
	if (left == 0 || wn_db_each_day(ui->db, T.date - 400, T.date,
	                                collect_dose_day, &dd, &err) != WN_OK)
		return;
	size_t count = dd.n < 32 ? dd.n : 32;
	for (size_t k = 0; k < count && left > 0; k++) {
		struct wn_day day;
		if (wn_db_day_load(ui->db, dd.date[(dd.n - 1 - k) % 32], &day,
		                   &err) != WN_OK)
			return;
		for (size_t m = 0; m < T.n_med; m++) {
			const struct wn_dose *d = last_dose_in(&day, T.med[m].id);
			if (isnan(T.usual[m]) && d) {
				T.usual[m] = d->amount;
				left--;
			}
		}
		wn_day_free(&day);
	}
}

static void free_plans(void)
{
	for (size_t m = 0; T.plans && m < T.n_med; m++) {
		if (T.plans[m].has) {
			wn_taper_free(&T.plans[m].sched);
			wn_plan_free(&T.plans[m].plan);
		}
	}
	free(T.plans);
	T.plans = NULL;
}

/* Plans are optional: a medication without one (or whose plan cannot be
 * built) simply shows no taper status. */
static void load_plan(struct wn_ui *ui, size_t m)
{
	struct med_plan *mp = &T.plans[m];
	struct wn_err err = { 0 };
	if (wn_db_plan_load(ui->db, T.med[m].id, &mp->plan, &err) != WN_OK) {
		wn_plan_free(&mp->plan);
		return;
	}
	/* the drug's occupancy parameters change the doses only of an
	 * occupancy plan, and Today shows no occupancy */
	struct wn_drug drug;
	bool known = mp->plan.params.method == WN_TAPER_OCCUPANCY &&
	             wn_plan_drug(&T.med[m], &drug, NULL) == WN_OK;
	if (wn_plan_build(&mp->plan, known ? &drug : NULL, &mp->sched,
	                  &err) != WN_OK) {
		wn_plan_free(&mp->plan);
		return;
	}
	mp->has = true;
}

static int load_meds(struct wn_ui *ui, struct wn_err *err)
{
	free_plans();
	free(T.med);
	free(T.usual);
	T.med = NULL;
	T.usual = NULL;
	T.n_med = 0;
	int rc = wn_db_med_list(ui->db, &T.med, &T.n_med, err);
	if (rc != WN_OK)
		return rc;
	T.usual = calloc(T.n_med ? T.n_med : 1, sizeof *T.usual);
	T.plans = calloc(T.n_med ? T.n_med : 1, sizeof *T.plans);
	if (!T.usual || !T.plans)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t m = 0; m < T.n_med; m++)
		load_plan(ui, m);
	return WN_OK;
}


/* Read the day shown back from the diary. */
static int reload_day(struct wn_ui *ui, struct wn_err *err)
{
	struct wn_day d;
	int rc = wn_db_day_load(ui->db, T.date, &d, err);
	if (rc != WN_OK)
		return rc;
	if (T.have_day)
		wn_day_free(&T.day);
	T.day = d;
	T.have_day = true;
	return WN_OK;
}

static int load_all(struct wn_ui *ui, struct wn_err *err)
{
	int rc = load_symptoms(ui, err);
	if (rc == WN_OK)
		rc = load_meds(ui, err);
	if (rc == WN_OK)
		rc = reload_day(ui, err);
	if (rc == WN_OK)
		find_usual(ui);
	return rc;
}

/* After a write: read back, say it is saved (or why not). */
static void after_write(struct wn_ui *ui, int rc, const struct wn_err *err,
                        const char *what)
{
	struct wn_err e2 = { 0 };
	if (rc != WN_OK) {
		wn_ui_msg_err(ui, "not saved", err);
		reload_day(ui, &e2);
		return;
	}
	if (reload_day(ui, &e2) != WN_OK) {
		wn_ui_msg_err(ui, "saved, but cannot read the day back", &e2);
		return;
	}
	wn_ui_msg(ui, WN_R_SAVED, "%s%ssaved", what, ui->g->sep);
}

/* ---- layout (pure: positions from sizes and data) ----------------------- */

static void add_field(struct layout *L, struct field f)
{
	if (L->nf < MAX_FIELDS)
		L->f[L->nf++] = f;
}

/* Where the next cell of a wrapping row goes. */
struct pen {
	int y, x, indent, cols;
};

static void flow(struct layout *L, struct pen *p, struct field cell)
{
	if (p->x + cell.w > p->cols && p->x > p->indent) {
		p->y++;
		p->x = p->indent;
	}
	cell.y = p->y;
	cell.x = p->x;
	add_field(L, cell);
	p->x += cell.w;
}

static int layout_metrics(struct layout *L, const struct wn_config *cfg,
                          int y, int cols)
{
	int lw = 8;
	for (int i = 0; i < cfg->n_metrics; i++) {
		int w = wn_text_width(cfg->metrics[i].name);
		if (w > lw)
			lw = w < 14 ? w : 14;
	}
	L->metric_lw = lw;
	L->metric_w = 1 + lw + 1 + 7 + 2;
	L->metrics_y = y;
	struct pen p = { .y = y, .x = 1, .indent = 1, .cols = cols };
	for (int k = F_MOOD; k <= F_SLEEP; k++)
		flow(L, &p, (struct field){ .kind = k, .w = L->metric_w });
	for (int i = 0; i < cfg->n_metrics; i++)
		flow(L, &p, (struct field){ .kind = F_CUSTOM, .idx = i,
		                            .w = L->metric_w });
	return p.y + 1;
}

static int layout_grid(struct layout *L, int y, int cols)
{
	int maxname = 4;
	for (size_t i = 0; i < T.n_sym; i++) {
		int w = wn_text_width(T.sym[i].name);
		if (w > maxname)
			maxname = w;
	}
	int name_w = maxname < 24 ? maxname : 24;
	int avail = cols - 1;
	int ncol = avail / (name_w + 8);
	if (ncol < 3 && avail / 26 >= 3 && T.n_sym > 8)
		ncol = 3;                 /* 80 columns: three, names cut a little */
	if (ncol < 1)
		ncol = 1;
	if ((size_t)ncol > T.n_sym)
		ncol = T.n_sym ? (int)T.n_sym : 1;
	int cell = avail / ncol;
	if (cell > name_w + 8)
		cell = name_w + 8;
	L->name_w = cell - 8 < 4 ? 4 : cell - 8;
	L->cell_w = cell;
	L->grid_cols = ncol;
	L->grid_rows = (int)((T.n_sym + (size_t)ncol - 1) / (size_t)ncol);
	L->grid_head_y = y;
	for (size_t i = 0; i < T.n_sym; i++)
		add_field(L, (struct field){ .kind = F_SYMPTOM, .idx = (int)i,
		                             .y = y + 1 + (int)i % L->grid_rows,
		                             .x = 1 + (int)i / L->grid_rows * cell,
		                             .w = cell - 1 });
	return y + 1 + L->grid_rows;
}

static int layout_lower(struct layout *L, int y, int cols)
{
	const int indent = 12;
	L->dose_y = y;
	for (size_t m = 0; m < T.n_med; m++)
		add_field(L, (struct field){ .kind = F_DOSE, .idx = (int)m, .y = y++,
		                             .x = indent, .w = cols - indent - 1 });
	if (T.n_med == 0)
		y++;
	L->presc_y = y;
	struct pen p = { .y = y, .x = indent, .indent = indent, .cols = cols };
	flow(L, &p, (struct field){ .kind = F_FLAG, .w = 28 });
	flow(L, &p, (struct field){ .kind = F_QUESTIONS, .w = 17 });
	flow(L, &p, (struct field){ .kind = F_QUICK, .w = 17 });
	y = p.y + 1;
	L->list_y = y;
	return y + (int)T.day.n_questions + (int)T.day.n_qnotes;
}

static int taper_rows(void);

static void compute_layout(struct wn_ui *ui, struct layout *L)
{
	L->nf = 0;
	int cols = ui->cols;
	int y = layout_metrics(L, ui->cfg, 0, cols);
	y = layout_grid(L, y + 1, cols);
	y = layout_lower(L, y + 1, cols);
	L->rows = y;
	/* screen: row body_top is the status line, then content, then note */
	int top = ui->body_top + taper_rows() + 1;
	int avail = ui->body_top + ui->body_rows - top;
	int note_min = T.editing ? (avail / 2 > 4 ? avail / 2 : 4)
	                         : (avail < 14 ? 2 : 3);
	int content = avail - 1 - note_min;
	if (content > L->rows)
		content = L->rows;
	if (content < 1)
		content = 1;
	L->view_top = top;
	L->view_rows = content;
	L->note_top = top + content + 1;
	L->note_rows = ui->body_top + ui->body_rows - L->note_top;
	add_field(L, (struct field){ .kind = F_NOTE, .y = L->rows + 1, .x = 1,
	                             .w = cols - 2 });
}

static const struct field *focused(void)
{
	for (size_t i = 0; i < T.L.nf; i++)
		if (T.L.f[i].kind == T.focus_kind && T.L.f[i].idx == T.focus_idx)
			return &T.L.f[i];
	return T.L.nf ? &T.L.f[0] : NULL;
}

static void keep_focus_visible(void)
{
	const struct field *f = focused();
	if (!f || f->kind == F_NOTE)
		return;
	if (f->y < T.scroll)
		T.scroll = f->y;
	if (f->y >= T.scroll + T.L.view_rows)
		T.scroll = f->y - T.L.view_rows + 1;
	if (T.scroll < 0)
		T.scroll = 0;
}

/* ---- drawing ------------------------------------------------------------ */

/* The line under the title: the taper (filled in once plans exist), else
 * where the day stands. */
/* "sertraline: day 12 at 18 mg; next step 16 mg on 2026-12-12". */
static void plan_status(size_t m, struct wn_buf *b)
{
	const struct wn_schedule *s = &T.plans[m].sched;
	const struct wn_med *med = &T.med[m];
	char d1[WN_DATE_STRLEN], n1[32];
	int cur = wn_taper_step_at(s, T.date), next = wn_taper_next_step(s, T.date);
	if (cur < 0) {
		fmt_num(s->steps[0].dose, n1, sizeof n1);
		wn_buf_addf(b, "%s: the plan starts on %s at %s %s", med->name,
		            wn_date_format(s->steps[0].date, d1), n1, med->unit);
		return;
	}
	fmt_num(planned_dose(m), n1, sizeof n1);
	wn_buf_addf(b, "%s: day %ld at %s %s", med->name,
	            (long)(T.date - s->steps[0].date + 1), n1, med->unit);
	if (wn_taper_on_hold(s, T.date)) {
		wn_buf_addf(b, "; on hold since %s",
		            wn_date_format(s->hold_since, d1));
	} else if (next >= 0) {
		fmt_num(s->steps[next].dose, n1, sizeof n1);
		wn_buf_addf(b, "; next step %s %s on %s", n1, med->unit,
		            wn_date_format(s->steps[next].date, d1));
	}
}

/* The hold proposal for the first planned medication whose rules fire
 * on the day shown: one line, drawn as a notice. */
static bool draw_proposal(struct wn_ui *ui, int y)
{
	for (size_t m = 0; T.plans && m < T.n_med; m++) {
		struct wn_holdrule_out o;
		if (!T.plans[m].has || wn_taper_on_hold(&T.plans[m].sched, T.date) ||
		    !wn_ui_hold_proposal(ui, &T.plans[m].sched, T.date, &o))
			continue;
		char line[512];
		snprintf(line, sizeof line, "%s: " WN_HOLDRULE_TEXT " (%s)",
		         T.med[m].name, o.why);
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_NOTICE), line);
		return true;
	}
	return false;
}

#define TAPER_ROWS_MAX 3

/* Rows under the title: one per medication with a plan (at most 3), or
 * one saying where the day stands. */
static int taper_rows(void)
{
	int n = 0;
	for (size_t m = 0; T.plans && m < T.n_med; m++)
		if (T.plans[m].has && T.plans[m].sched.n > 0 && n < TAPER_ROWS_MAX)
			n++;
	return n ? n : 1;
}

/* The taper of each planned medication, one line each; false if none. */
static bool draw_taper(struct wn_ui *ui)
{
	int row = 0;
	for (size_t m = 0; T.plans && m < T.n_med && row < TAPER_ROWS_MAX; m++) {
		if (!T.plans[m].has || T.plans[m].sched.n == 0)
			continue;
		struct wn_buf b;
		wn_buf_init(&b);
		plan_status(m, &b);
		if (!b.failed)
			wn_ui_put(ui, WN_CELL(ui->body_top + row, 1, ui->cols - 2,
			                      WN_R_NORMAL), b.s);
		wn_buf_free(&b);
		row++;
	}
	return row > 0;
}

static void utc_to_local_hm(const char *utc, char *buf, size_t n)
{
	struct tm tm = { 0 };
	buf[0] = '\0';
	if (sscanf(utc, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	           &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	struct tm lt;
	localtime_r(&t, &lt);
	snprintf(buf, n, "%02d:%02d", lt.tm_hour, lt.tm_min);
}

static void draw_state_line(struct wn_ui *ui)
{
	char line[256];
	if (draw_taper(ui))
		return;
	if (T.day.ci.exists) {
		char hm[16];
		utc_to_local_hm(T.day.ci.updated, hm, sizeof hm);
		snprintf(line, sizeof line, "checked in%slast change %s; every"
		         " change is saved as you make it", ui->g->sep, hm);
	} else {
		snprintf(line, sizeof line, "no check-in yet for this day;"
		         " every change is saved as you make it");
	}
	wn_ui_put(ui, WN_CELL(ui->body_top, 1, ui->cols - 2, WN_R_DIM), line);
}

static bool is_focus(const struct field *f)
{
	return f->kind == T.focus_kind && f->idx == T.focus_idx && !T.editing;
}

/* The marker column and the label of a field; returns the next column. */
static int draw_label(struct wn_ui *ui, const struct field *f,
                      struct wn_cell at, const char *label)
{
	bool foc = is_focus(f);
	wn_ui_put(ui, WN_CELL(at.y, f->x, 1, foc ? WN_R_FOCUS : WN_R_NORMAL),
	          foc ? ui->g->focus : " ");
	at.x = f->x + 1;
	at.role = foc ? WN_R_FOCUS : WN_R_NORMAL;
	wn_ui_put_pad(ui, at, label);
	return at.x + at.cols;
}

static void draw_metric(struct wn_ui *ui, const struct field *f, int y)
{
	const char *name = metric_name(f->kind, f->idx, ui->cfg);
	int x = draw_label(ui, f, WN_CELL(y, 0, T.L.metric_lw, 0), name);
	double v = metric_value(f->kind, f->idx, ui->cfg);
	char val[32];
	if (isnan(v))
		snprintf(val, sizeof val, " %s", ui->g->dash);
	else if (f->kind == F_SLEEP)
		snprintf(val, sizeof val, " %.3g h", v);
	else if (f->kind == F_CUSTOM)
		snprintf(val, sizeof val, " %.4g", v);
	else
		snprintf(val, sizeof val, " %d/10", (int)v);
	wn_ui_put_pad(ui, WN_CELL(y, x, 8, isnan(v) ? WN_R_DIM : WN_R_VALUE), val);
}

static void level_marker(int v, const char *unrated, char *buf, size_t n)
{
	static const char *const marks[] = { "[   ]", "[*  ]", "[** ]", "[***]" };
	if (v >= 0 && v <= 3)
		snprintf(buf, n, "%s", marks[v]);
	else
		snprintf(buf, n, "  %s  ", unrated);
}

static void draw_symptom(struct wn_ui *ui, const struct field *f, int y)
{
	int x = draw_label(ui, f, WN_CELL(y, 0, T.L.name_w, 0), T.sym[f->idx].name);
	int v = rating_of(T.sym[f->idx].id);
	char mark[16];
	level_marker(v, ui->g->unrated, mark, sizeof mark);
	int role = is_focus(f) ? WN_R_FOCUS : level_role(v);
	wn_ui_put(ui, WN_CELL(y, x + 1, 5, role), mark);
}

static void dose_text(struct wn_ui *ui, size_t m, char *buf, size_t n)
{
	size_t used = 0;
	double taken = 0, planned = planned_dose(m);
	buf[0] = '\0';
	for (size_t i = 0; i < T.day.n_doses && used + 1 < n; i++) {
		const struct wn_dose *d = &T.day.doses[i];
		if (d->med_id != T.med[m].id)
			continue;
		char amt[32], hm[16];
		fmt_num(d->amount, amt, sizeof amt);
		fmt_minute(d->minute, hm, sizeof hm);
		taken += d->amount;
		used += (size_t)snprintf(buf + used, n - used, "%s%s %s at %s",
		                         used ? ", " : "", amt, T.med[m].unit, hm);
	}
	if (used > 0 && !isnan(planned) && fabs(taken - planned) > 1e-9 &&
	    used + 1 < n) {
		char amt[32];
		fmt_num(planned, amt, sizeof amt);
		snprintf(buf + used, n - used, " (planned %s)", amt);
	} else if (used == 0 && !isnan(T.usual[m])) {
		char amt[32];
		fmt_num(T.usual[m], amt, sizeof amt);
		snprintf(buf, n, "not logged%sd logs the %s %s %s", ui->g->sep,
		         planned > 0 ? "planned" : "usual", amt, T.med[m].unit);
	} else if (used == 0) {
		snprintf(buf, n, "not logged%sEnter to log a dose", ui->g->sep);
	}
}

static void draw_dose(struct wn_ui *ui, const struct field *f, int y)
{
	int x = draw_label(ui, f, WN_CELL(y, 0, 16, 0), T.med[f->idx].name);
	char text[512];
	dose_text(ui, (size_t)f->idx, text, sizeof text);
	bool logged = strncmp(text, "not logged", 10) != 0;
	wn_ui_put(ui, WN_CELL(y, x + 1, f->x + f->w - x - 1,
	                      logged ? WN_R_VALUE : WN_R_DIM), text);
}

static void draw_presc(struct wn_ui *ui, const struct field *f, int y)
{
	char text[64];
	if (f->kind == F_FLAG)
		snprintf(text, sizeof text, "%s", T.day.ci.flag
		         ? "[x] flagged for prescriber" : "[ ] flag for prescriber");
	else if (f->kind == F_QUESTIONS)
		snprintf(text, sizeof text, "questions: %zu", T.day.n_questions);
	else
		snprintf(text, sizeof text, "quick notes: %zu", T.day.n_qnotes);
	draw_label(ui, f, WN_CELL(y, 0, f->w - 2, 0), text);
	if (f->kind == F_FLAG && T.day.ci.flag && !is_focus(f))
		wn_ui_put(ui, WN_CELL(y, f->x + 1, 3, WN_R_FLAG), "[x]");
}

static void draw_field(struct wn_ui *ui, const struct field *f, int y)
{
	if (is_metric(f->kind))
		draw_metric(ui, f, y);
	else if (f->kind == F_SYMPTOM)
		draw_symptom(ui, f, y);
	else if (f->kind == F_DOSE)
		draw_dose(ui, f, y);
	else if (f->kind != F_NOTE)
		draw_presc(ui, f, y);
}

/* Questions and quick notes of the day, one line each. */
static void draw_lists(struct wn_ui *ui)
{
	int y = T.L.list_y;
	for (size_t i = 0; i < T.day.n_questions; i++, y++) {
		int sy = T.L.view_top + y - T.scroll;
		if (y < T.scroll || sy >= T.L.view_top + T.L.view_rows)
			continue;
		char line[1200];
		snprintf(line, sizeof line, "? %s", T.day.questions[i].text);
		wn_ui_put(ui, WN_CELL(sy, 14, ui->cols - 15, WN_R_NORMAL), line);
	}
	for (size_t i = 0; i < T.day.n_qnotes; i++, y++) {
		int sy = T.L.view_top + y - T.scroll;
		if (y < T.scroll || sy >= T.L.view_top + T.L.view_rows)
			continue;
		char hm[16], line[1200];
		fmt_minute(T.day.qnotes[i].minute, hm, sizeof hm);
		snprintf(line, sizeof line, "%s %s", hm, T.day.qnotes[i].text);
		wn_ui_put(ui, WN_CELL(sy, 14, ui->cols - 15, WN_R_NORMAL), line);
	}
}

static void draw_heading(struct wn_ui *ui, int y, const char *text,
                         const char *legend)
{
	int sy = T.L.view_top + y - T.scroll;
	if (y < T.scroll || sy >= T.L.view_top + T.L.view_rows)
		return;
	wn_ui_put(ui, WN_CELL(sy, 1, 11, WN_R_HEADING), text);
	if (legend)
		wn_ui_put(ui, WN_CELL(sy, 13, ui->cols - 14, WN_R_DIM), legend);
}

static void draw_content(struct wn_ui *ui)
{
	draw_heading(ui, T.L.grid_head_y, "Symptoms",
	             "0 none  1 mild [*  ]  2 moderate [** ]  3 severe [***]");
	draw_heading(ui, T.L.dose_y, "Doses", T.n_med ? NULL
	             : "no medications yet: add one with  wean med add NAME");
	draw_heading(ui, T.L.presc_y, "Prescriber", NULL);
	for (size_t i = 0; i < T.L.nf; i++) {
		const struct field *f = &T.L.f[i];
		int sy = T.L.view_top + f->y - T.scroll;
		if (f->kind == F_NOTE || f->y < T.scroll ||
		    sy >= T.L.view_top + T.L.view_rows)
			continue;
		draw_field(ui, f, sy);
	}
	draw_lists(ui);
	if (T.scroll > 0)
		wn_ui_put(ui, WN_CELL(T.L.view_top, ui->cols - 2, 1, WN_R_DIM),
		          ui->ascii ? "^" : "\u2191");
	if (T.scroll + T.L.view_rows < T.L.rows)
		wn_ui_put(ui, WN_CELL(T.L.view_top + T.L.view_rows - 1,
		                      ui->cols - 2, 1, WN_R_DIM),
		          ui->ascii ? "v" : "\u2193");
}

/* Columns for the note text: lines longer than this are hard to read. */
static int note_width(const struct wn_ui *ui)
{
	return ui->cols - 3 < 100 ? ui->cols - 3 : 100;
}

static void draw_note(struct wn_ui *ui)
{
	int y = T.L.note_top, h = T.L.note_rows - 1, w = note_width(ui);
	struct field nf = { .kind = F_NOTE, .x = 1 };
	const char *head = T.editing ? "Note (writing; Esc when done)" : "Note";
	int x = draw_label(ui, &nf, WN_CELL(y, 0, wn_text_width(head), 0), head);
	wn_ui_rule(ui, y, x + 1, ui->cols - x - 2);
	if (h < 1)
		return;
	if (T.editing) {
		wn_edit_draw(ui, &T.note, WN_BOX(y + 1, 2, h, w));
		return;
	}
	const char *text = T.day.ci.note;
	if (!text || !*text)
		wn_ui_put(ui, WN_CELL(y + 1, 2, ui->cols - 3, WN_R_DIM),
		          "nothing written yet: n writes here, e opens $EDITOR");
	else
		wn_edit_draw_text(ui, text, WN_BOX(y + 1, 2, h, w));
}

static const char *prompt_label(struct wn_ui *ui, char *buf, size_t n)
{
	switch (T.prompt) {
	case P_QUESTION: return "question for the prescriber: ";
	case P_QUICK: return "quick note: ";
	case P_DOSE:
		snprintf(buf, n, "%s dose (%s) and time: ", T.med[T.prompt_idx].name,
		         T.med[T.prompt_idx].unit);
		return buf;
	default:
		snprintf(buf, n, "%s: ", metric_name(T.focus_kind, T.focus_idx,
		                                    ui->cfg));
		return buf;
	}
}

static void draw_bottom(struct wn_ui *ui)
{
	int y = ui->rows - 2;
	if (T.offer) {
		char d[WN_DATE_STRLEN];
		char q[160];
		snprintf(q, sizeof q, "a note you were writing (%s) was kept:"
		         " restore it? y/n", wn_date_format(T.offer_date, d));
		ui->msg_row_taken = true;
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_NOTICE), q);
		return;
	}
	if (T.prompt != P_NONE) {
		char buf[128];
		ui->msg_row_taken = true;
		int w = wn_ui_put(ui, WN_CELL(y, 1, ui->cols / 2, WN_R_HEADING),
		                  prompt_label(ui, buf, sizeof buf));
		wn_edit_draw(ui, &T.line, WN_BOX(y, 1 + w, 1, ui->cols - 2 - w));
		return;
	}
	const struct field *f = focused();
	if (!ui->msg[0] && draw_proposal(ui, y))
		return;
	if (!ui->msg[0] && f && f->kind == F_SYMPTOM) {
		char info[160];
		int v = rating_of(T.sym[f->idx].id);
		snprintf(info, sizeof info, "%s: %s", T.sym[f->idx].name,
		         level_word(v));
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_DIM), info);
	}
}

static void today_draw(struct wn_ui *ui)
{
	compute_layout(ui, &T.L);
	keep_focus_visible();
	draw_state_line(ui);
	draw_content(ui);
	draw_note(ui);
	draw_bottom(ui);
}

static void today_title(struct wn_ui *ui, char *buf, size_t n)
{
	int y, m, d;
	wn_date_to_ymd(T.date, &y, &m, &d);
	const char *wd = wn_date_weekday_name(wn_date_weekday(T.date));
	long ago = ui->today - T.date;
	char when[48] = "";
	if (ago == 1)
		snprintf(when, sizeof when, "%syesterday", ui->g->sep);
	else if (ago > 1)
		snprintf(when, sizeof when, "%s%ld days ago", ui->g->sep, ago);
	snprintf(buf, n, "%s%s%s %d %s %d%s", ago == 0 ? "Today" : "",
	         ago == 0 ? ui->g->sep : "", wd, d, wn_date_month_name(m), y, when);
}

/* ---- moving ------------------------------------------------------------- */

enum { DIR_UP, DIR_DOWN, DIR_LEFT, DIR_RIGHT };

/* Geometric: the nearest field in that direction (rows first). */
static void move_focus(int dir)
{
	const struct field *cur = focused();
	if (!cur)
		return;
	const struct field *best = NULL;
	long best_score = 0;
	for (size_t i = 0; i < T.L.nf; i++) {
		const struct field *f = &T.L.f[i];
		long dy = f->y - cur->y, dx = f->x - cur->x, score;
		if (dir == DIR_UP && dy < 0)
			score = -dy * 1000 + labs(dx);
		else if (dir == DIR_DOWN && dy > 0)
			score = dy * 1000 + labs(dx);
		else if (dir == DIR_LEFT && dy == 0 && dx < 0)
			score = -dx;
		else if (dir == DIR_RIGHT && dy == 0 && dx > 0)
			score = dx;
		else
			continue;
		if (!best || score < best_score) {
			best = f;
			best_score = score;
		}
	}
	if (best) {
		T.focus_kind = best->kind;
		T.focus_idx = best->idx;
		T.acc[0] = '\0';
	}
}

static void focus_on(int kind, int idx)
{
	T.focus_kind = kind;
	T.focus_idx = idx;
	T.acc[0] = '\0';
}

/* ---- writing values ----------------------------------------------------- */

static void set_metric(struct wn_ui *ui, int kind, int idx, double v)
{
	struct wn_err err = { 0 };
	int rc;
	const char *name = metric_name(kind, idx, ui->cfg);
	if (kind == F_CUSTOM) {
		rc = wn_db_metric_set(ui->db, T.date, name, v, &err);
	} else {
		static const unsigned bit[] = { WN_SET_MOOD, WN_SET_ANXIETY,
		                                WN_SET_ENERGY, WN_SET_SLEEP };
		struct wn_checkin_patch p = { .date = T.date, .set = bit[kind],
		                              .mood = WN_UNSET, .anxiety = WN_UNSET,
		                              .energy = WN_UNSET, .sleep = NAN };
		int iv = isnan(v) ? WN_UNSET : (int)v;
		if (kind == F_MOOD) p.mood = iv;
		if (kind == F_ANXIETY) p.anxiety = iv;
		if (kind == F_ENERGY) p.energy = iv;
		if (kind == F_SLEEP) p.sleep = v;
		rc = wn_db_checkin_update(ui->db, &p, &err);
	}
	char what[96];
	if (isnan(v))
		snprintf(what, sizeof what, "%s cleared", name);
	else
		snprintf(what, sizeof what, "%s %g%s", name, v,
		         kind == F_SLEEP ? " h" : "");
	after_write(ui, rc, &err, what);
}

static int set_rating(struct wn_ui *ui, int idx, int v)
{
	struct wn_err err = { 0 };
	int rc = wn_db_rating_set(ui->db, T.date, T.sym[idx].id, v, &err);
	char what[128];
	snprintf(what, sizeof what, "%s: %s", T.sym[idx].name, level_word(v));
	after_write(ui, rc, &err, what);
	return rc;
}

static void metric_digit(struct wn_ui *ui, const struct field *f, char c)
{
	long long now = wn_ui_now_ms();
	bool cont = T.acc[0] && T.acc_kind == f->kind && T.acc_idx == f->idx &&
	            now - T.acc_ms < TYPE_WINDOW_MS && strlen(T.acc) < 7;
	struct range r = metric_range(f->kind, f->idx, ui->cfg);
	double lo = r.lo, hi = r.hi;
	char next[sizeof T.acc + 2];
	snprintf(next, sizeof next, "%s%c", cont ? T.acc : "", c);
	if (c == '.') {
		if (f->kind == F_MOOD || f->kind == F_ANXIETY || f->kind == F_ENERGY
		    || strchr(cont ? T.acc : "", '.')) {
			wn_ui_msg(ui, WN_R_NOTICE, "%s is a whole number",
			          metric_name(f->kind, f->idx, ui->cfg));
			return;
		}
		if (!cont)
			snprintf(next, sizeof next, "0.");
	} else if (cont && strtod(next, NULL) > hi) {
		snprintf(next, sizeof next, "%c", c);
	}
	snprintf(T.acc, sizeof T.acc, "%.10s", next);
	T.acc_kind = f->kind;
	T.acc_idx = f->idx;
	T.acc_ms = now;
	double v = strtod(next, NULL);
	if (f->kind == F_SLEEP)
		v = round(v * 2) / 2;
	if (v < lo || v > hi) {
		wn_ui_msg(ui, WN_R_NOTICE, "%s goes from %g to %g",
		          metric_name(f->kind, f->idx, ui->cfg), lo, hi);
		return;
	}
	if (c != '.')
		set_metric(ui, f->kind, f->idx, v);
}

static void symptom_digit(struct wn_ui *ui, const struct field *f, int d)
{
	if (d > 3) {
		wn_ui_msg(ui, WN_R_NOTICE, "symptoms go from 0 to 3: 0 none,"
		          " 1 mild, 2 moderate, 3 severe");
		return;
	}
	if (set_rating(ui, f->idx, d) == WN_OK && (size_t)f->idx + 1 < T.n_sym)
		focus_on(F_SYMPTOM, f->idx + 1);   /* on to the next one */
}

static void open_prompt(int kind, int idx, const char *text)
{
	if (wn_edit_init(&T.line, text, LINE_MAX_BYTES, false) != WN_OK)
		return;
	T.prompt = kind;
	T.prompt_idx = idx;
}

static void on_digit(struct wn_ui *ui, int d)
{
	const struct field *f = focused();
	if (!f)
		return;
	if (is_metric(f->kind)) {
		metric_digit(ui, f, (char)('0' + d));
	} else if (f->kind == F_SYMPTOM) {
		symptom_digit(ui, f, d);
	} else if (f->kind == F_DOSE) {
		char start[2] = { (char)('0' + d), '\0' };
		open_prompt(P_DOSE, f->idx, start);
	} else {
		wn_ui_msg(ui, WN_R_DIM, "digits rate the focused line: move to"
		          " a metric or a symptom first (j/k)");
	}
}

static void step_value(struct wn_ui *ui, int dir)
{
	const struct field *f = focused();
	if (!f)
		return;
	T.acc[0] = '\0';
	if (f->kind == F_SYMPTOM) {
		int v = rating_of(T.sym[f->idx].id);
		v = v == WN_UNSET ? (dir > 0 ? 1 : 0) : v + dir;
		if (v >= 0 && v <= 3)
			set_rating(ui, f->idx, v);
		return;
	}
	if (!is_metric(f->kind))
		return;
	double v = metric_value(f->kind, f->idx, ui->cfg);
	struct range r = metric_range(f->kind, f->idx, ui->cfg);
	double lo = r.lo, hi = r.hi;
	double step = f->kind == F_SLEEP ? 0.5 : 1;
	v = isnan(v) ? (f->kind == F_SLEEP ? 7 : lo) : v + dir * step;
	if (v >= lo && v <= hi)
		set_metric(ui, f->kind, f->idx, v);
}

/* ---- doses -------------------------------------------------------------- */

static int focused_med(void)
{
	const struct field *f = focused();
	if (f && f->kind == F_DOSE)
		return f->idx;
	return T.n_med == 1 ? 0 : -1;
}

static void log_dose(struct wn_ui *ui, int m, double amount, int minute)
{
	struct wn_dose d = { .date = T.date, .minute = minute,
	                     .med_id = T.med[m].id, .amount = amount };
	struct wn_err err = { 0 };
	int rc = wn_db_dose_add(ui->db, &d, NULL, &err);
	char amt[32], hm[16], what[160];
	fmt_num(amount, amt, sizeof amt);
	fmt_minute(minute, hm, sizeof hm);
	snprintf(what, sizeof what, "%s %s %s at %s", T.med[m].name, amt,
	         T.med[m].unit, hm);
	after_write(ui, rc, &err, what);
	if (rc == WN_OK)
		T.usual[m] = amount;
}

static void on_dose(struct wn_ui *ui)
{
	int m = focused_med();
	if (T.n_med == 0) {
		wn_ui_msg(ui, WN_R_NOTICE, "no medications yet: add one with"
		          "  wean med add NAME");
		return;
	}
	if (m < 0) {
		wn_ui_msg(ui, WN_R_NOTICE, "move to a medication first (j/k)");
		return;
	}
	focus_on(F_DOSE, m);
	if (isnan(T.usual[m]))
		open_prompt(P_DOSE, m, NULL);
	else
		log_dose(ui, m, T.usual[m], now_minute());
}

/* "50", "50 08:10", "50mg @ 8:10", "12.5 at 21:00". */
static int parse_dose(const char *s, double *amount, int *minute)
{
	char *end;
	*amount = strtod(s, &end);
	if (end == s || !isfinite(*amount) || *amount <= 0)
		return -1;
	while (*end && !isdigit((unsigned char)*end))
		end++;
	*minute = now_minute();
	if (!*end)
		return 0;
	int h, m;
	char tail;
	if (sscanf(end, "%d:%d %c", &h, &m, &tail) != 2 || h < 0 || h > 23 ||
	    m < 0 || m > 59)
		return -1;
	*minute = h * 60 + m;
	return 0;
}

static void clear_dose(struct wn_ui *ui, int m)
{
	const struct wn_dose *d = last_dose_in(&T.day, T.med[m].id);
	if (!d) {
		wn_ui_msg(ui, WN_R_DIM, "no dose of %s logged on this day",
		          T.med[m].name);
		return;
	}
	struct wn_err err = { 0 };
	char what[128];
	snprintf(what, sizeof what, "last %s dose removed", T.med[m].name);
	int rc = wn_db_dose_delete(ui->db, d->id, &err);
	after_write(ui, rc, &err, what);
}

/* ---- flag, clear, enter ------------------------------------------------- */

static void toggle_flag(struct wn_ui *ui)
{
	struct wn_checkin_patch p = { .date = T.date, .set = WN_SET_FLAG,
	                              .flag = !T.day.ci.flag };
	struct wn_err err = { 0 };
	int rc = wn_db_checkin_update(ui->db, &p, &err);
	after_write(ui, rc, &err, p.flag ? "flagged for the prescriber"
	                                 : "flag removed");
}

static void clear_value(struct wn_ui *ui)
{
	const struct field *f = focused();
	if (!f)
		return;
	T.acc[0] = '\0';
	if (is_metric(f->kind))
		set_metric(ui, f->kind, f->idx, NAN);
	else if (f->kind == F_SYMPTOM)
		set_rating(ui, f->idx, WN_UNSET);
	else if (f->kind == F_DOSE)
		clear_dose(ui, f->idx);
	else if (f->kind == F_FLAG && T.day.ci.flag)
		toggle_flag(ui);
	else if (f->kind == F_NOTE)
		wn_ui_msg(ui, WN_R_DIM, "to change the note, press n");
}

/* ---- the note and its draft --------------------------------------------- */

static void draft_save(struct wn_ui *ui, wn_date date, const char *text)
{
	struct wn_err err = { 0 };
	if (wn_db_draft_save(ui->db, date, text, &err) != WN_OK) {
		wn_ui_msg_err(ui, "the draft could not be kept", &err);
		return;
	}
	T.draft_dirty = false;
	T.draft_ms = wn_ui_now_ms();
}

static void draft_clear(struct wn_ui *ui)
{
	struct wn_err err = { 0 };
	wn_date d;
	char *text = NULL;
	if (wn_db_draft_take(ui->db, &d, &text, &err) == WN_OK)
		free(text);
}

static void open_note(struct wn_ui *ui, const char *text)
{
	if (T.editing)
		return;
	if (wn_edit_init(&T.note, text ? text : T.day.ci.note, WN_TEXT_NOTE_MAX,
	                 true) != WN_OK) {
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		return;
	}
	T.note.changed = text != NULL;
	T.editing = true;
	T.note_date = T.date;
	T.draft_dirty = T.note.changed;
	T.draft_ms = wn_ui_now_ms();
	focus_on(F_NOTE, 0);
	ui->msg[0] = '\0';
}

static void close_note(void)
{
	wn_edit_free(&T.note);
	T.editing = false;
}

/* Save the note to the diary and leave the editor; on failure stay in it
 * (with a draft kept) so nothing typed is lost. */
static void finish_note(struct wn_ui *ui)
{
	const char *before = T.note_date == T.date && T.day.ci.note
	                     ? T.day.ci.note : "";
	if (!T.note.changed || !strcmp(T.note.s, before)) {
		if (T.note.changed)
			draft_clear(ui);
		close_note();
		return;
	}
	struct wn_checkin_patch p = { .date = T.note_date, .set = WN_SET_NOTE,
	                              .note = T.note.len ? T.note.s : NULL };
	struct wn_err err = { 0 };
	int rc = wn_db_checkin_update(ui->db, &p, &err);
	if (rc != WN_OK) {
		draft_save(ui, T.note_date, T.note.s);
		wn_ui_msg_err(ui, "note not saved (still open; kept as a draft)",
		              &err);
		return;
	}
	draft_clear(ui);
	close_note();
	after_write(ui, WN_OK, &err, "note");
}

static void note_external(struct wn_ui *ui)
{
	bool was_open = T.editing;
	open_note(ui, NULL);
	if (!T.editing)
		return;
	struct wn_err err = { 0 };
	if (wn_edit_external(ui, &T.note, &err) != WN_OK) {
		wn_ui_msg_err(ui, "the note was not changed", &err);
		if (!was_open)
			close_note();
		return;
	}
	finish_note(ui);
}

static void note_input(struct wn_ui *ui, const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_NOTE, in, &arg);
	if (b && b->action == WN_A_TEXT_DONE) {
		finish_note(ui);
		return;
	}
	if (b && b->action == WN_A_TEXT_EXTERNAL) {
		note_external(ui);
		return;
	}
	int r = wn_edit_key(&T.note, in, note_width(ui));
	if (r == WN_EDIT_FULL)
		wn_ui_msg(ui, WN_R_NOTICE, "the note is at its size limit");
	if (r == WN_EDIT_CHANGED) {
		T.draft_dirty = true;
		if (wn_ui_now_ms() - T.draft_ms > DRAFT_EVERY_MS)
			draft_save(ui, T.note_date, T.note.s);
	}
}

/* ---- one-line prompts --------------------------------------------------- */

static void close_prompt(void)
{
	wn_edit_free(&T.line);
	T.prompt = P_NONE;
}

static bool blank(const char *s)
{
	while (*s == ' ')
		s++;
	return *s == '\0';
}

static bool submit_value(struct wn_ui *ui)
{
	char *end;
	double v = strtod(T.line.s, &end);
	struct range r = metric_range(T.focus_kind, T.focus_idx, ui->cfg);
	double lo = r.lo, hi = r.hi;
	while (*end == ' ')
		end++;
	if (blank(T.line.s)) {
		set_metric(ui, T.focus_kind, T.focus_idx, NAN);
		return true;
	}
	if (*end || !isfinite(v) || v < lo || v > hi) {
		wn_ui_msg(ui, WN_R_ERROR, "a number from %g to %g, please", lo, hi);
		return false;
	}
	if (T.focus_kind == F_SLEEP)
		v = round(v * 2) / 2;
	else if (T.focus_kind != F_CUSTOM)
		v = round(v);
	set_metric(ui, T.focus_kind, T.focus_idx, v);
	return true;
}

/* true when the prompt may close */
static bool submit_prompt(struct wn_ui *ui)
{
	struct wn_err err = { 0 };
	int rc;
	if (T.prompt == P_VALUE)
		return submit_value(ui);
	if (T.prompt == P_DOSE) {
		double amount;
		int minute;
		if (parse_dose(T.line.s, &amount, &minute) != 0) {
			wn_ui_msg(ui, WN_R_ERROR, "an amount and maybe a time, e.g."
			          " 12.5 08:30");
			return false;
		}
		log_dose(ui, T.prompt_idx, amount, minute);
		return true;
	}
	if (blank(T.line.s))
		return true;
	if (T.prompt == P_QUESTION)
		rc = wn_db_question_add(ui->db, T.date, T.line.s, &err);
	else
		rc = wn_db_quicknote_add(ui->db, T.date, now_minute(), T.line.s, &err);
	after_write(ui, rc, &err, T.prompt == P_QUESTION ? "question"
	                                                 : "quick note");
	return rc == WN_OK;
}

static void prompt_input(struct wn_ui *ui, const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		close_prompt();
		wn_ui_msg(ui, WN_R_DIM, "cancelled");
	} else if (b && b->action == WN_A_TEXT_DONE) {
		if (submit_prompt(ui))
			close_prompt();
	} else if (wn_edit_key(&T.line, in, ui->cols) == WN_EDIT_FULL) {
		wn_ui_msg(ui, WN_R_NOTICE, "that is as long as it can be");
	}
}

/* ---- the kept draft, offered back --------------------------------------- */

static void check_draft(struct wn_ui *ui)
{
	struct wn_err err = { 0 };
	wn_date d;
	char *text = NULL;
	if (wn_db_draft_take(ui->db, &d, &text, &err) != WN_OK || !text)
		return;
	if (!*text) {
		free(text);
		return;
	}
	/* keep it in the diary until the person answers */
	wn_db_draft_save(ui->db, d, text, &err);
	T.offer = true;
	T.offer_text = text;
	T.offer_date = d > ui->today ? ui->today : d;
}

static int change_day(struct wn_ui *ui, wn_date date)
{
	struct wn_err err = { 0 };
	wn_date old = T.date;
	T.date = date;
	T.acc[0] = '\0';
	int rc = reload_day(ui, &err);
	if (rc != WN_OK) {
		T.date = old;
		wn_ui_msg_err(ui, "cannot read that day", &err);
		return rc;
	}
	find_usual(ui);
	return WN_OK;
}

static void offer_input(struct wn_ui *ui, const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_ASK, in, &arg);
	if (!b)
		return;
	T.offer = false;
	if (b->action == WN_A_TEXT_DONE) {
		if (change_day(ui, T.offer_date) == WN_OK) {
			open_note(ui, T.offer_text);
			wn_ui_msg(ui, WN_R_SAVED, "your note is back; Esc saves it");
		}
	} else {
		draft_clear(ui);
		wn_ui_msg(ui, WN_R_DIM, "the kept note was let go");
	}
	free(T.offer_text);
	T.offer_text = NULL;
}

/* ---- hooks -------------------------------------------------------------- */

/* A day asked for by another screen (the Calendar's Enter). */
static wn_date take_open_date(struct wn_ui *ui)
{
	wn_date d = ui->open_date;
	ui->open_date = WN_DATE_NONE;
	if (d == WN_DATE_NONE || d > ui->today)
		return T.date;
	return d;
}


/* The first-run setup is offered until the person skips it once. */
static bool setup_skipped(struct wn_ui *ui)
{
	char v[8] = "";
	struct wn_err e = { 0 };
	return wn_db_meta_get(ui->db, "setup_skipped", v, sizeof v, &e) == WN_OK &&
	       strcmp(v, "1") == 0;
}

static int today_enter(struct wn_ui *ui, struct wn_err *err)
{
	if (T.started) {
		T.date = take_open_date(ui);
		if (T.gen != ui->gen) {
			T.gen = ui->gen;
			return load_all(ui, err);
		}
		return reload_day(ui, err);
	}
	T.started = true;
	T.gen = ui->gen;
	T.date = ui->today;
	T.date = take_open_date(ui);
	T.day.ci.mood = T.day.ci.anxiety = T.day.ci.energy = WN_UNSET;
	T.day.ci.sleep = NAN;    /* shown as empty if the first read fails */
	focus_on(F_MOOD, 0);
	int rc = load_all(ui, err);
	if (rc == WN_OK)
		check_draft(ui);
	if (rc == WN_OK && T.n_med == 0 && !T.offer && !setup_skipped(ui))
		wn_ui_goto_screen(ui, &wn_screen_setup);
	return rc;
}

static void on_enter(struct wn_ui *ui)
{
	const struct field *f = focused();
	if (!f)
		return;
	char val[32] = "";
	switch (f->kind) {
	case F_SYMPTOM: {      /* cycle: not rated, 1, 2, 3, 0, 1, ... */
		int v = rating_of(T.sym[f->idx].id);
		set_rating(ui, f->idx, v == WN_UNSET ? 1 : (v + 1) % 4);
		break;
	}
	case F_DOSE: {
		int m = f->idx;
		char hm[16];
		fmt_minute(now_minute(), hm, sizeof hm);
		if (!isnan(T.usual[m]))
			snprintf(val, sizeof val, "%g %s", T.usual[m], hm);
		open_prompt(P_DOSE, m, val);
		break;
	}
	case F_FLAG: toggle_flag(ui); break;
	case F_QUESTIONS: open_prompt(P_QUESTION, 0, NULL); break;
	case F_QUICK: open_prompt(P_QUICK, 0, NULL); break;
	case F_NOTE: open_note(ui, NULL); break;
	default: {
		double v = metric_value(f->kind, f->idx, ui->cfg);
		if (!isnan(v))
			snprintf(val, sizeof val, "%g", v);
		open_prompt(P_VALUE, 0, val);
	}
	}
}

static void move_day(struct wn_ui *ui, int action)
{
	wn_date target = action == WN_A_PREV_DAY ? T.date - 1
	               : action == WN_A_NEXT_DAY ? T.date + 1 : ui->today;
	if (target > ui->today) {
		wn_ui_msg(ui, WN_R_NOTICE, "today is as far as it goes: no"
		          " check-ins ahead of time");
		return;
	}
	struct wn_err err = { 0 };
	if (!T.have_day && load_all(ui, &err) != WN_OK)
		wn_ui_msg_err(ui, "cannot read the diary", &err);
	else if (target != T.date || action == WN_A_TODAY)
		change_day(ui, target);
}

static bool today_action(struct wn_ui *ui, int action, int arg)
{
	switch (action) {
	case WN_A_UP: move_focus(DIR_UP); break;
	case WN_A_DOWN: move_focus(DIR_DOWN); break;
	case WN_A_LEFT: move_focus(DIR_LEFT); break;
	case WN_A_RIGHT: move_focus(DIR_RIGHT); break;
	case WN_A_DIGIT: on_digit(ui, arg); break;
	case WN_A_DOT: {
		const struct field *f = focused();
		if (f && is_metric(f->kind))
			metric_digit(ui, f, '.');
		break;
	}
	case WN_A_INC: step_value(ui, 1); break;
	case WN_A_DEC: step_value(ui, -1); break;
	case WN_A_CLEAR: clear_value(ui); break;
	case WN_A_ENTER: on_enter(ui); break;
	case WN_A_PREV_DAY: case WN_A_NEXT_DAY: case WN_A_TODAY:
		move_day(ui, action);
		break;
	case WN_A_DOSE: on_dose(ui); break;
	case WN_A_FLAG: toggle_flag(ui); break;
	case WN_A_NOTE: open_note(ui, NULL); break;
	case WN_A_EDITOR: note_external(ui); break;
	case WN_A_QUESTION: open_prompt(P_QUESTION, 0, NULL); break;
	case WN_A_QUICKNOTE: open_prompt(P_QUICK, 0, NULL); break;
	default: return false;
	}
	return true;
}

static unsigned today_scope(struct wn_ui *ui)
{
	(void)ui;
	if (T.offer)
		return WN_SC_ASK;
	if (T.prompt != P_NONE)
		return WN_SC_PROMPT;
	return T.editing ? WN_SC_NOTE : WN_SC_TODAY;
}

static void today_text(struct wn_ui *ui, const struct wn_input *in)
{
	if (T.offer)
		offer_input(ui, in);
	else if (T.prompt != P_NONE)
		prompt_input(ui, in);
	else if (T.editing)
		note_input(ui, in);
}

static void today_idle(struct wn_ui *ui)
{
	if (T.editing && T.draft_dirty)
		draft_save(ui, T.note_date, T.note.s);
}

static void today_new_day(struct wn_ui *ui, wn_date old_today)
{
	if (T.date == old_today && !T.editing && T.prompt == P_NONE) {
		change_day(ui, ui->today);
		wn_ui_msg(ui, WN_R_NOTICE, "a new day has started");
	}
}

/* The terminal is going away: keep what is being typed as a draft. */
static void today_hangup(struct wn_ui *ui)
{
	if (T.editing && T.note.changed) {
		draft_save(ui, T.note_date, T.note.s);
		return;
	}
	if ((T.prompt == P_QUESTION || T.prompt == P_QUICK) && !blank(T.line.s)) {
		struct wn_buf b;
		wn_buf_init(&b);
		if (T.day.ci.note && *T.day.ci.note)
			wn_buf_addf(&b, "%s\n", T.day.ci.note);
		wn_buf_adds(&b, T.line.s);
		if (!b.failed)
			draft_save(ui, T.date, b.s);
		wn_buf_free(&b);
	}
}

static void today_fini(struct wn_ui *ui)
{
	(void)ui;
	if (T.editing)
		close_note();
	if (T.prompt != P_NONE)
		close_prompt();
	if (T.have_day)
		wn_day_free(&T.day);
	free_plans();
	free(T.sym);
	free(T.med);
	free(T.usual);
	free(T.offer_text);
	memset(&T, 0, sizeof T);
}

const struct wn_screen wn_screen_today = {
	.name = "Today",
	.number = 1,
	.scope = WN_SC_TODAY,
	.enter = today_enter,
	.title = today_title,
	.draw = today_draw,
	.action = today_action,
	.scope_now = today_scope,
	.text_input = today_text,
	.idle = today_idle,
	.new_day = today_new_day,
	.hangup = today_hangup,
	.fini = today_fini,
};
