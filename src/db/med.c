/* med.c (db) -- adding a medication with its forms; see db/med.h. */
#include <stdbool.h>
#include <stdio.h>

#include "db_int.h"
#include "db/med.h"
#include "db/plan.h"
#include "core/text.h"
#include "core/plan.h"
#include "core/records.h"

/* ---- adding ------------------------------------------------------------------- */

int wn_db_med_create(struct wn_db *db, struct wn_med *m, struct wn_med_form *forms,
                     size_t n, struct wn_err *err)
{
	struct wn_drug drug;
	char name[WN_NAME_MAX + 1];
	int rc = wn_text_check_name(m->name, name, sizeof name, err);
	if (rc != WN_OK)
		return rc;
	snprintf(m->name, sizeof m->name, "%s", name);
	m->drug_key[0] = '\0';
	if (wn_plan_drug(m, &drug, NULL) == WN_OK)
		snprintf(m->drug_key, sizeof m->drug_key, "%s", drug.name);
	/* inside the caller's transaction when one is open (the setup adds a
	 * plan in the same one), else in its own */
	bool own;
	if ((rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = wn_db_med_add(db, m, &m->id, err);
	for (size_t i = 0; rc == WN_OK && i < n; i++) {
		forms[i].med_id = m->id;
		rc = wn_db_form_add(db, &forms[i], NULL, err);
	}
	return wn_db_tx_leave(db, own, rc, err);
}
