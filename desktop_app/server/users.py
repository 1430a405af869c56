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

# Record tables a unit writes its own rows of (by unit_id), and the tables
# hanging off them: table -> (parent table, the column naming the parent).
UNIT_TABLES = (
    "activity",
    "agreement",
    "base",
    "project",
    "talent",
    "achievement",
    "meeting",
    "task",
)
CHILD_TABLES = {
    "project_milestone": ("project", "project_id"),
    "task_progress": ("task", "task_id"),
    "activity_institution": ("activity", "activity_id"),
    "agreement_institution": ("agreement", "agreement_id"),
    "base_institution": ("base", "base_id"),
    "project_institution": ("project", "project_id"),
    "meeting_unit": ("meeting", "meeting_id"),
}
# Record types (as the history and the recycle bin name them) a unit owns.
UNIT_KINDS = UNIT_TABLES


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
        LANGUAGE sql STABLE SET search_path = public AS
        $$ SELECT unit_id FROM app_user WHERE login = current_user $$""",
    """CREATE OR REPLACE FUNCTION coop_owns(kind text, rid integer) RETURNS boolean
        LANGUAGE plpgsql STABLE SET search_path = public AS $$
        DECLARE ok boolean;
        BEGIN
            IF kind NOT IN ({kinds}) THEN RETURN false; END IF;
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1 AND unit_id = $2)',
                           kind) INTO ok USING rid, coop_my_unit();
            RETURN ok;
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
    rules: dict[str, str] = {t: mine for t in UNIT_TABLES}
    for table, (parent, column) in CHILD_TABLES.items():
        rules[table] = (
            f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {column} AND p.unit_id = "
            "coop_my_unit())"
        )
    rules["attachment"] = "coop_owns(record_type, record_id)"
    kinds = ", ".join(f"'{k}'" for k in UNIT_KINDS)
    rules["deleted_record"] = f"record_type IN ({kinds})"
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
    return out


def _grants_sql(db: pw.Database) -> list[str]:
    admin, unit, viewer = GROUPS[ADMIN], GROUPS[UNIT], GROUPS[VIEWER]
    writes = [*UNIT_TABLES, *CHILD_TABLES, "attachment", "deleted_record", "search_index"]
    return [
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {admin}, {unit}, {viewer}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {admin}, {unit}, {viewer}",
        f"GRANT INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO {admin}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {admin}, {unit}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(writes)} TO {unit}",
        f"GRANT INSERT ON audit_entry, stored_file TO {unit}",
        # The change log is appended to, never changed (server/schema.py), by anyone.
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_seal FROM {admin}",
    ]


def secure(db: pw.Database) -> None:
    """Roles, privileges and policies of a server ledger (idempotent; run by
    `server init` and by the migrations, as the tables' owner)."""
    database = db.execute_sql("SELECT current_database()").fetchone()[0]
    kinds = ", ".join(f"'{k}'" for k in UNIT_KINDS)
    for sql in _groups_sql():
        db.execute_sql(sql)
    for sql in _SETUP:
        db.execute_sql(sql.replace("{kinds}", kinds))
    for sql in _grants_sql(db) + _policies_sql(db):
        db.execute_sql(sql)
    db.execute_sql(f"REVOKE CONNECT ON DATABASE {quote_ident(database)} FROM PUBLIC")
    for group in GROUPS.values():
        db.execute_sql(f"GRANT CONNECT ON DATABASE {quote_ident(database)} TO {group}")


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
        exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        verifier = _verifier(db, login, password)
        ident = quote_ident(login)
        if exists:
            # A login another ledger on this server has: the same person.
            db.execute_sql(f"ALTER ROLE {ident} LOGIN PASSWORD %s", (verifier,))
        else:
            db.execute_sql(f"CREATE ROLE {ident} LOGIN PASSWORD %s", (verifier,))
        db.execute_sql(f"GRANT {GROUPS[role]} TO {ident}")
        if role == ADMIN:
            # An administrator adds users: roles, and membership of the groups.
            db.execute_sql(f"ALTER ROLE {ident} CREATEROLE")
            for group in GROUPS.values():
                db.execute_sql(f"GRANT {group} TO {ident} WITH ADMIN OPTION")
        db.execute_sql(
            "INSERT INTO app_user (login, role, unit_id, display_name) VALUES (%s, %s, %s, %s)",
            (login, role, unit_id, (display_name or login).strip()),
        )
    return get_user(db, login)


def set_password(db: pw.Database, login: str, password: str) -> None:
    ident = quote_ident(login)
    db.execute_sql(f"ALTER ROLE {ident} PASSWORD %s", (_verifier(db, login, password),))


def remove_user(db: pw.Database, login: str) -> None:
    """The login no longer opens this ledger (the role stays for the history
    and for other ledgers on the server)."""
    with db.atomic():
        user = get_user(db, login)
        if user is None:
            raise ValueError(f"{login!r} is no user of this ledger")
        if user.role == ADMIN and len([u for u in list_users(db) if u.role == ADMIN]) == 1:
            raise ValueError("the last administrator cannot be removed")
        db.execute_sql("DELETE FROM app_user WHERE login = %s", (login,))
        db.execute_sql(f"REVOKE {GROUPS[user.role]} FROM {quote_ident(login)}")


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
