"""Who may do what in a server ledger, enforced by PostgreSQL itself.

Each person signs in as a PostgreSQL login of their own. Its password is kept
by the server as a SCRAM-SHA-256 verifier, computed on this PC by libpq
(psycopg2's encrypt_password) so the password itself never reaches the server
or its logs. The login is a member of one of three group roles, and the table
app_user says which, and of which unit:

- 管理员 admin (the talent office): reads and writes everything, manages users;
- 单位填报员 unit: reads everything; writes only its own unit's records, their
  links, children, files and history (the shared lists are read-only);
- 查看 viewer: reads only.

Table privileges say what each role may do to a table, and row-level security
policies which rows: a unit's login writing another unit's record is refused
by the server, from this program or from psql alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

ADMIN, UNIT, VIEWER = "admin", "unit", "viewer"
ROLES = (ADMIN, UNIT, VIEWER)
GROUPS = {ADMIN: "coop_admin", UNIT: "coop_unit", VIEWER: "coop_viewer"}


def unit_specs() -> list:
    """The record types a unit writes its own records of (the same rule as a
    unit's copy, handin/roles.py), each with a unit column."""
    from desktop_app.handin import roles
    from desktop_app.records.specs import ALL_SPECS

    return [spec for spec in ALL_SPECS if spec.unit_field and roles.owned_by_units(spec.key)]


def child_tables() -> dict[str, tuple[str, str]]:
    """The tables hanging off those records (links, milestones, progress):
    table -> (parent table, the column naming the parent)."""
    from desktop_app.records.links import child_fk, link_fields
    from desktop_app.records.specs import CHILDREN, LINKS

    out = {}
    for spec in unit_specs():
        parent = spec.model._meta.table_name
        for f in spec.fields:
            if f.kind == LINKS:
                owner_fk, _ = link_fields(spec, f.through)
                out[f.through._meta.table_name] = (parent, owner_fk.column_name)
            elif f.kind == CHILDREN:
                fk = child_fk(f.child_model, spec)
                out[f.child_model._meta.table_name] = (parent, fk.column_name)
    return out


def _kinds() -> str:
    """The unit's record types as SQL strings (as the history and the bin name them)."""
    return ", ".join(f"'{spec.key}'" for spec in unit_specs())


def _table_of(spec_key: str) -> str:
    return next(s.model._meta.table_name for s in unit_specs() if s.key == spec_key)


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_SETUP = [
    """CREATE TABLE IF NOT EXISTS app_user (
        login VARCHAR(63) PRIMARY KEY,
        role VARCHAR(10) NOT NULL CHECK (role IN ('admin', 'unit', 'viewer')),
        unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
        display_name VARCHAR(255) NOT NULL DEFAULT '',
        CHECK ((role = 'unit') = (unit_id IS NOT NULL)))""",
    """CREATE OR REPLACE FUNCTION coop_my_unit() RETURNS integer
        LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
        $$ SELECT unit_id FROM app_user WHERE login = current_user $$""",
    """CREATE OR REPLACE FUNCTION coop_owns(kind text, rid integer) RETURNS boolean
        LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE ok boolean;
        BEGIN
            IF kind NOT IN ({kinds}) THEN RETURN false; END IF;
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1 AND unit_id = $2)',
                           CASE kind {tables} END) INTO ok USING rid, coop_my_unit();
            RETURN ok;
        END $$""",
    # The name the change log must carry for this login's entries.
    """CREATE OR REPLACE FUNCTION coop_my_name() RETURNS text
        LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
        $$ SELECT display_name FROM app_user WHERE login = current_user $$""",
    # Whether a search index row (type number × 2^40 + id) is of a record this
    # unit writes; a row of a record no longer there may be removed by anyone.
    """CREATE OR REPLACE FUNCTION coop_owns_index_row(row_id bigint, removing boolean)
        RETURNS boolean LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE kind text; rid integer; there boolean;
        BEGIN
            kind := CASE row_id >> 40 {numbers} END;
            rid := (row_id & ((1::bigint << 40) - 1))::integer;
            IF kind IS NULL THEN RETURN false; END IF;
            IF removing THEN
                EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)',
                               CASE kind {tables} END) INTO there USING rid;
                IF NOT there THEN RETURN true; END IF;
            END IF;
            RETURN coop_owns(kind, rid);
        END $$""",
    # Users are managed through these, run with the tables' owner's rights
    # (it has CREATEROLE): an administrator needs no CREATEROLE of its own,
    # which in PostgreSQL 15 would let it take any role, the owner's included.
    """CREATE OR REPLACE FUNCTION coop_check_admin() RETURNS void
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            IF NOT (EXISTS (SELECT 1 FROM public.app_user
                            WHERE login = session_user AND role = 'admin')
                    OR pg_has_role(session_user, current_user, 'MEMBER')) THEN
                RAISE EXCEPTION 'only an administrator of this ledger manages its users'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END $$""",
    """CREATE OR REPLACE FUNCTION coop_check_login(p_login text) RETURNS void
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            IF p_login ~* '^(pg_|coop_)' OR lower(p_login) IN ('public', 'postgres')
               OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login
                          AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication
                               OR rolbypassrls))
               OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login)
                   AND pg_has_role(p_login, current_user, 'MEMBER')) THEN
                RAISE EXCEPTION '% is a login the server keeps for itself', p_login
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END $$""",
    # An existing user of this ledger, whom an administrator may manage.
    """CREATE OR REPLACE FUNCTION coop_check_member(p_login text) RETURNS void
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            PERFORM coop_check_admin();
            PERFORM coop_check_login(p_login);
            IF NOT EXISTS (SELECT 1 FROM public.app_user WHERE login = p_login) THEN
                RAISE EXCEPTION '% is no user of this ledger', p_login;
            END IF;
        END $$""",
    """CREATE OR REPLACE FUNCTION coop_add_user(p_login text, p_role text, p_unit integer,
            p_verifier text, p_display text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            PERFORM coop_check_admin();
            PERFORM coop_check_login(p_login);
            IF p_role NOT IN ('admin', 'unit', 'viewer') THEN
                RAISE EXCEPTION 'no role %', p_role;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_login) THEN
                -- A login of that name belongs to another ledger or program: it is
                -- never taken over; each person gets a name of this ledger alone.
                RAISE EXCEPTION 'the server has a login named % already: choose another name',
                    p_login USING ERRCODE = 'duplicate_object';
            END IF;
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_verifier);
            EXECUTE format('GRANT %I TO %I', 'coop_' || p_role, p_login);
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_login);
            INSERT INTO app_user (login, role, unit_id, display_name)
                VALUES (p_login, p_role, p_unit, p_display);
        END $$""",
    """CREATE OR REPLACE FUNCTION coop_set_password(p_login text, p_verifier text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            PERFORM coop_check_member(p_login);
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
        END $$""",
    """CREATE OR REPLACE FUNCTION coop_remove_user(p_login text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE g text;
        BEGIN
            PERFORM coop_check_member(p_login);
            DELETE FROM public.app_user WHERE login = p_login;
            EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), p_login);
            FOREACH g IN ARRAY ARRAY['coop_admin', 'coop_unit', 'coop_viewer'] LOOP
                IF pg_has_role(p_login, g, 'MEMBER') THEN
                    EXECUTE format('REVOKE %I FROM %I', g, p_login);
                END IF;
            END LOOP;
            EXECUTE format('ALTER ROLE %I NOCREATEROLE', p_login);
        END $$""",
]


def _groups_sql() -> list[str]:
    out = []
    for group in GROUPS.values():
        out.append(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            f"'{group}') THEN CREATE ROLE {group} NOLOGIN; END IF; END $$"
        )
    return out


def _policies_sql(db: pw.Database) -> list[str]:
    admin, unit = GROUPS[ADMIN], GROUPS[UNIT]
    mine = "unit_id = coop_my_unit()"
    rules: dict[str, str] = {s.model._meta.table_name: mine for s in unit_specs()}
    for table, (parent, column) in child_tables().items():
        rules[table] = (
            f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {column} AND p.unit_id = "
            "coop_my_unit())"
        )
    rules["attachment"] = "coop_owns(record_type, record_id)"
    # A bin entry names its record's unit in its payload (records/recycle.py).
    rules["deleted_record"] = (
        f"record_type IN ({_kinds()}) AND "
        "(payload::json -> 'columns' ->> 'unit')::integer = coop_my_unit()"
    )
    out = []
    for table, rule in rules.items():
        out += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS coop_read ON {table}",
            f"CREATE POLICY coop_read ON {table} FOR SELECT USING (true)",
            f"DROP POLICY IF EXISTS coop_admin_all ON {table}",
            f"CREATE POLICY coop_admin_all ON {table} TO {admin} USING (true) WITH CHECK (true)",
        ]
        for verb in ("INSERT", "UPDATE", "DELETE"):
            name = f"coop_unit_{verb.lower()}"
            using = "" if verb == "INSERT" else f" USING ({rule})"
            check = "" if verb == "DELETE" else f" WITH CHECK ({rule})"
            out += [
                f"DROP POLICY IF EXISTS {name} ON {table}",
                f"CREATE POLICY {name} ON {table} FOR {verb} TO {unit}{using}{check}",
            ]
    # The search index: a unit writes the rows of its own records; the change
    # log: a unit's entries carry its own name (no entry in another's name).
    out += [
        "ALTER TABLE search_index ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS coop_read ON search_index",
        "CREATE POLICY coop_read ON search_index FOR SELECT USING (true)",
        "DROP POLICY IF EXISTS coop_admin_all ON search_index",
        f"CREATE POLICY coop_admin_all ON search_index TO {admin} USING (true) WITH CHECK (true)",
        "DROP POLICY IF EXISTS coop_unit_insert ON search_index",
        f"CREATE POLICY coop_unit_insert ON search_index FOR INSERT TO {unit} "
        "WITH CHECK (coop_owns_index_row(rowid, false))",
        "DROP POLICY IF EXISTS coop_unit_delete ON search_index",
        f"CREATE POLICY coop_unit_delete ON search_index FOR DELETE TO {unit} "
        "USING (coop_owns_index_row(rowid, true))",
        # A stored file's bytes must be the file its name (its sha256) says.
        "ALTER TABLE stored_file ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS coop_read ON stored_file",
        "CREATE POLICY coop_read ON stored_file FOR SELECT USING (true)",
        "DROP POLICY IF EXISTS coop_checked ON stored_file",
        "CREATE POLICY coop_checked ON stored_file FOR INSERT "
        "WITH CHECK (encode(sha256(data), 'hex') = left(name, 64))",
        "DROP POLICY IF EXISTS coop_admin_delete ON stored_file",
        f"CREATE POLICY coop_admin_delete ON stored_file FOR DELETE TO {admin} USING (true)",
        "ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS coop_read ON audit_entry",
        "CREATE POLICY coop_read ON audit_entry FOR SELECT USING (true)",
        "DROP POLICY IF EXISTS coop_admin_all ON audit_entry",
        f"CREATE POLICY coop_admin_all ON audit_entry FOR INSERT TO {admin} WITH CHECK (true)",
        "DROP POLICY IF EXISTS coop_unit_insert ON audit_entry",
        f"CREATE POLICY coop_unit_insert ON audit_entry FOR INSERT TO {unit} "
        "WITH CHECK (operator = coop_my_name())",
    ]
    return out


def _grants_sql(db: pw.Database) -> list[str]:
    admin, unit, viewer = GROUPS[ADMIN], GROUPS[UNIT], GROUPS[VIEWER]
    writes = [s.model._meta.table_name for s in unit_specs()]
    writes += [*child_tables(), "attachment", "deleted_record", "search_index"]
    return [
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {admin}, {unit}, {viewer}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {admin}, {unit}, {viewer}",
        f"GRANT INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO {admin}",
        # nextval only: setval would hand out ids again (upload sets them as the owner).
        f"REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM {admin}, {unit}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {admin}, {unit}",
        f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {viewer}",  # a backup reads them
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(writes)} TO {unit}",
        f"GRANT INSERT ON audit_entry, stored_file TO {unit}",
        # Users change only through coop_add_user and the like (see _SETUP).
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON app_user FROM {admin}",
        "REVOKE EXECUTE ON FUNCTION coop_add_user(text, text, integer, text, text), "
        "coop_set_password(text, text), coop_remove_user(text) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION coop_add_user(text, text, integer, text, text), "
        f"coop_set_password(text, text), coop_remove_user(text) TO {admin}",
        # The change log is appended to, never changed (server/schema.py), by anyone.
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_seal FROM {admin}",
    ]


def secure(db: pw.Database) -> None:
    """Roles, privileges and policies of a server ledger (idempotent; run by
    `server init` and by the migrations, as the tables' owner)."""
    database = db.execute_sql("SELECT current_database()").fetchone()[0]
    kinds = _kinds()
    for sql in _groups_sql():
        db.execute_sql(sql)
    from desktop_app.records.search_index import TYPE_NUMBERS

    keys = [spec.key for spec in unit_specs()]
    numbers = " ".join(f"WHEN {TYPE_NUMBERS[k]} THEN '{k}'" for k in keys)
    tables = " ".join(f"WHEN '{k}' THEN '{_table_of(k)}'" for k in keys)
    for sql in _SETUP:
        db.execute_sql(
            sql.replace("{kinds}", kinds).replace("{numbers}", numbers).replace("{tables}", tables)
        )
    for sql in _grants_sql(db) + _policies_sql(db):
        db.execute_sql(sql)
    # Only this ledger's own logins connect (the groups are server-wide), and
    # nobody makes temporary tables, which could stand in for ours.
    db.execute_sql(f"REVOKE CONNECT, TEMPORARY ON DATABASE {quote_ident(database)} FROM PUBLIC")
    for group in GROUPS.values():
        db.execute_sql(f"REVOKE CONNECT ON DATABASE {quote_ident(database)} FROM {group}")
    for (login,) in db.execute_sql("SELECT login FROM app_user"):
        db.execute_sql(f"GRANT CONNECT ON DATABASE {quote_ident(database)} TO {quote_ident(login)}")


@dataclass(frozen=True)
class User:
    login: str
    role: str
    unit_id: int | None
    unit_name: str
    display_name: str


def _unit_id(db: pw.Database, unit: str | None) -> int | None:
    if unit is None:
        return None
    row = db.execute_sql("SELECT id FROM unit WHERE name = %s", (unit.strip(),)).fetchone()
    if row is None:
        names = [n for (n,) in db.execute_sql("SELECT name FROM unit ORDER BY sort_key")]
        raise ValueError(f"no unit named {unit!r}; units: {'、'.join(names[:20]) or 'none'}")
    return row[0]


def check_login(login: str) -> str:
    login = (login or "").strip()
    if not login:
        raise ValueError("a user needs a name to sign in with")
    if len(login.encode("utf-8")) > 63:
        raise ValueError(f"{login!r} is too long a name to sign in with (63 bytes at most)")
    if login.lower().startswith(("pg_", "coop_")) or login.lower() in ("public", "postgres"):
        raise ValueError(f"{login!r} is a name the server keeps for itself")
    return login


def _verifier(db: pw.Database, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of password, computed here by libpq."""
    from psycopg2.extensions import encrypt_password

    if len(password or "") < 8:
        raise ValueError("a password needs 8 characters or more")
    return encrypt_password(password, login, db.connection(), "scram-sha-256")


def add_user(
    db: pw.Database,
    login: str,
    role: str,
    password: str,
    unit: str | None = None,
    display_name: str = "",
) -> User:
    """A new login of this ledger (inside one transaction: all or nothing)."""
    login = check_login(login)
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if (role == UNIT) != (unit is not None):
        raise ValueError("a unit's user needs --unit, and only a unit's user has one")
    with db.atomic():
        unit_id = _unit_id(db, unit)
        if db.execute_sql("SELECT 1 FROM app_user WHERE login = %s", (login,)).fetchone():
            raise ValueError(f"{login!r} is a user of this ledger already")
        db.execute_sql(
            "SELECT coop_add_user(%s, %s, %s, %s, %s)",
            (login, role, unit_id, _verifier(db, login, password), (display_name or login).strip()),
        )
    return get_user(db, login)


def set_password(db: pw.Database, login: str, password: str) -> None:
    db.execute_sql("SELECT coop_set_password(%s, %s)", (login, _verifier(db, login, password)))


def remove_user(db: pw.Database, login: str) -> None:
    """The login no longer opens this ledger (the role stays for the history
    and for other ledgers on the server)."""
    with db.atomic():
        user = get_user(db, login)
        if user is None:
            raise ValueError(f"{login!r} is no user of this ledger")
        if user.role == ADMIN and len([u for u in list_users(db) if u.role == ADMIN]) == 1:
            raise ValueError("the last administrator cannot be removed")
        db.execute_sql("SELECT coop_remove_user(%s)", (login,))


def get_user(db: pw.Database, login: str) -> User | None:
    row = db.execute_sql(
        "SELECT a.login, a.role, a.unit_id, COALESCE(u.name, ''), a.display_name "
        "FROM app_user a LEFT JOIN unit u ON u.id = a.unit_id WHERE a.login = %s",
        (login,),
    ).fetchone()
    return User(*row) if row else None


def list_users(db: pw.Database) -> list[User]:
    rows = db.execute_sql(
        "SELECT a.login, a.role, a.unit_id, COALESCE(u.name, ''), a.display_name "
        "FROM app_user a LEFT JOIN unit u ON u.id = a.unit_id ORDER BY a.role, a.login"
    ).fetchall()
    return [User(*r) for r in rows]


def signed_in(db: pw.Database) -> User | None:
    """Who this connection is: its app_user row; the tables' owner (the IT
    account that ran `server init`) counts as an administrator."""
    login = db.execute_sql("SELECT current_user").fetchone()[0]
    if db.table_exists("app_user"):
        found = get_user(db, login)
        if found is not None:
            return found
    owner = db.execute_sql(
        "SELECT pg_has_role(current_user, tableowner, 'USAGE') OR "
        "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
        "FROM pg_tables WHERE tablename = 'schema_version' AND schemaname = 'public'"
    ).fetchone()
    if owner and owner[0]:
        return User(login, ADMIN, None, "", login)
    return None
