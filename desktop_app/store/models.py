"""peewee models: the schema of the ledger.

Labels, choices, list columns and validation live in records/specs.py; this
module is only what the database stores. Choice fields hold the category word
itself (text), so sheets, exports and searches need no join, and renaming a
category rewrites the word (see store/categories.py).
"""

from __future__ import annotations

import datetime as dt
import uuid

import peewee as pw

from desktop_app.store.db import database_proxy


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def new_uid() -> str:
    """A record's identity across copies of the ledger (a unit's copy and the
    talent office's): 32 hex digits of a random UUID."""
    return uuid.uuid4().hex


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class LedgerIdField(pw.AutoField):
    """A record's id, never handed out twice.

    SQLite's plain INTEGER PRIMARY KEY gives the next record max(id)+1, so
    deleting the newest record freed its id for the next one, whose History
    then showed the deleted record's entries (issue 10). AUTOINCREMENT keeps
    the highest id ever used in sqlite_sequence. A PostgreSQL sequence never
    goes back anyway, so the keyword is written for SQLite alone.
    """

    def ddl(self, ctx):
        node = super().ddl(ctx)
        if isinstance(database_proxy.obj, pw.SqliteDatabase):
            return pw.NodeList((node, pw.SQL("AUTOINCREMENT")))
        return node


class Record(BaseModel):
    """Columns every ledger record has."""

    id = LedgerIdField()
    created_at = pw.DateTimeField(default=_now)
    updated_at = pw.DateTimeField(default=_now, index=True)
    changed_by = pw.CharField(default="")
    # Sample (demo) records are flagged so one action removes them all.
    is_sample = pw.BooleanField(default=False, index=True)
    # Pinyin of the display name, so ORDER BY sorts Chinese names as users expect.
    sort_key = pw.CharField(default="", index=True)
    # The same record in every copy of the ledger (hand-in packages match by
    # it, issue 14); ids differ from copy to copy. Older files: migration 11.
    # NULL for a row another tool wrote (it is given one before it travels).
    uid = pw.CharField(max_length=32, null=True, default=new_uid, unique=True)
    # Counts the record's saves: a save made over a newer one than the form
    # was opened on is caught, not written over it (several PCs on a server
    # ledger, issue 15). Older files: migration 13.
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])


class Category(BaseModel):
    """Editable word lists (activity types, base types, stages …)."""

    list_key = pw.CharField(index=True)
    name = pw.CharField()
    sort_order = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("list_key", "name"), True),)


class LedgerInfo(BaseModel):
    """Facts about the ledger itself (the organisation that keeps it, who fills
    in its sheets): stored in the file, so a copy on another PC prints the same."""

    key = pw.CharField(unique=True)
    value = pw.TextField(default="")


class SchemaVersion(BaseModel):
    version = pw.IntegerField()
    applied_at = pw.DateTimeField(default=_now)


class Unit(Record):
    name = pw.CharField(unique=True)
    kind = pw.CharField(default="")
    contact_person = pw.CharField(default="")
    phone = pw.CharField(default="")
    notes = pw.TextField(default="")


class Institution(Record):
    name = pw.CharField(unique=True)
    short_name = pw.CharField(default="")
    kind = pw.CharField(default="")
    location_class = pw.CharField(default="", index=True)
    province = pw.CharField(default="")
    city = pw.CharField(default="")
    stage = pw.CharField(default="")
    first_contact = pw.DateField(null=True, index=True)
    contact_person = pw.CharField(default="")
    phone = pw.CharField(default="")
    email = pw.CharField(default="")
    unit = pw.ForeignKeyField(Unit, null=True, backref="institutions", on_delete="RESTRICT")
    notes = pw.TextField(default="")


class Activity(Record):
    # The list columns sort through an index (title through sort_key; unit
    # sorts by the unit's pinyin through a join), so a header click over
    # 100,000 activities reads one page of index entries instead of sorting
    # the whole table (bench/bench_table.py). Existing files: migration v4.
    date = pw.DateField(null=True, index=True)
    type = pw.CharField(default="", index=True)
    title = pw.CharField()
    leader = pw.CharField(default="", index=True)
    place = pw.CharField(default="")
    participants = pw.IntegerField(default=0, index=True)
    outcome = pw.TextField(default="")
    outcome_figures = pw.CharField(default="", index=True)
    unit = pw.ForeignKeyField(Unit, null=True, backref="activities", on_delete="RESTRICT")
    notes = pw.TextField(default="")


class Agreement(Record):
    title = pw.CharField()
    type = pw.CharField(default="", index=True)
    signed_date = pw.DateField(null=True, index=True)
    term_start = pw.DateField(null=True)
    term_end = pw.DateField(null=True)
    areas = pw.TextField(default="")  # several category words joined by 、
    status = pw.CharField(default="", index=True)
    unit = pw.ForeignKeyField(Unit, null=True, backref="agreements", on_delete="RESTRICT")
    notes = pw.TextField(default="")


class Base(Record):
    name = pw.CharField()
    type = pw.CharField(default="", index=True)
    agreement = pw.ForeignKeyField(Agreement, null=True, backref="bases", on_delete="RESTRICT")
    unit = pw.ForeignKeyField(Unit, null=True, backref="bases", on_delete="RESTRICT")
    place = pw.CharField(default="")
    established_date = pw.DateField(null=True, index=True)
    plaque_date = pw.DateField(null=True)
    status = pw.CharField(default="", index=True)
    notes = pw.TextField(default="")


class Project(Record):
    name = pw.CharField()
    chain = pw.CharField(default="", index=True)
    unit = pw.ForeignKeyField(Unit, null=True, backref="projects", on_delete="RESTRICT")
    start_date = pw.DateField(null=True, index=True)
    stage = pw.CharField(default="", index=True)
    support_items = pw.TextField(default="")  # several category words joined by 、
    notes = pw.TextField(default="")


class ProjectMilestone(BaseModel):
    project = pw.ForeignKeyField(Project, backref="milestones", on_delete="CASCADE")
    date = pw.DateField(null=True)
    text = pw.TextField(default="")


class Talent(Record):
    name = pw.CharField()
    gender = pw.CharField(default="")
    id_number = pw.CharField(default="")  # 18-digit ID: text, never a number
    institution = pw.ForeignKeyField(
        Institution, null=True, backref="talents", on_delete="RESTRICT"
    )
    degree = pw.CharField(default="", index=True)
    title = pw.CharField(default="")
    field = pw.CharField(default="")
    mode = pw.CharField(default="", index=True)
    project = pw.ForeignKeyField(Project, null=True, backref="talents", on_delete="RESTRICT")
    base = pw.ForeignKeyField(Base, null=True, backref="talents", on_delete="RESTRICT")
    unit = pw.ForeignKeyField(Unit, null=True, backref="talents", on_delete="RESTRICT")
    start_date = pw.DateField(null=True, index=True)
    end_date = pw.DateField(null=True)
    phone = pw.CharField(default="")
    notes = pw.TextField(default="")


class Achievement(Record):
    title = pw.CharField()
    type = pw.CharField(default="", index=True)
    institution = pw.ForeignKeyField(
        Institution, null=True, backref="achievements", on_delete="RESTRICT"
    )
    project = pw.ForeignKeyField(Project, null=True, backref="achievements", on_delete="RESTRICT")
    unit = pw.ForeignKeyField(Unit, null=True, backref="achievements", on_delete="RESTRICT")
    date = pw.DateField(null=True, index=True)
    benefit = pw.CharField(default="")
    description = pw.TextField(default="")


class Meeting(Record):
    date = pw.DateField(null=True, index=True)
    type = pw.CharField(default="", index=True)
    title = pw.CharField()
    place = pw.CharField(default="")
    unit = pw.ForeignKeyField(Unit, null=True, backref="meetings", on_delete="RESTRICT")
    topics = pw.TextField(default="")
    decisions = pw.TextField(default="")


class Task(Record):
    title = pw.CharField()
    meeting = pw.ForeignKeyField(Meeting, null=True, backref="tasks", on_delete="RESTRICT")
    project = pw.ForeignKeyField(Project, null=True, backref="tasks", on_delete="RESTRICT")
    agreement = pw.ForeignKeyField(Agreement, null=True, backref="tasks", on_delete="RESTRICT")
    unit = pw.ForeignKeyField(Unit, null=True, backref="tasks", on_delete="RESTRICT")
    owner = pw.CharField(default="")
    deadline = pw.DateField(null=True, index=True)
    status = pw.CharField(default="", index=True)
    notes = pw.TextField(default="")


class TaskProgress(BaseModel):
    task = pw.ForeignKeyField(Task, backref="progress", on_delete="CASCADE")
    date = pw.DateField(null=True)
    text = pw.TextField(default="")


class LedgerReport(Record):
    unit = pw.ForeignKeyField(Unit, backref="ledger_reports", on_delete="RESTRICT")
    period = pw.CharField()
    due_date = pw.DateField(null=True, index=True)
    submitted_date = pw.DateField(null=True)
    status = pw.CharField(default="", index=True)
    notes = pw.TextField(default="")


class AssessmentTarget(Record):
    year = pw.IntegerField(index=True)
    unit = pw.ForeignKeyField(Unit, backref="assessment_targets", on_delete="RESTRICT")
    indicator = pw.CharField()
    target = pw.FloatField(default=0)
    weight = pw.FloatField(default=0)
    actual_override = pw.FloatField(null=True)
    override_reason = pw.CharField(default="")
    notes = pw.TextField(default="")


class Attachment(BaseModel):
    """A file linked to any record; the bytes live in the attachment folder by hash."""

    record_type = pw.CharField()
    record_id = pw.IntegerField()
    file_hash = pw.CharField()
    file_name = pw.CharField()
    size = pw.IntegerField(default=0)
    description = pw.CharField(default="")
    added_at = pw.DateTimeField(default=_now)
    added_by = pw.CharField(default="")

    class Meta:
        indexes = ((("record_type", "record_id"), False),)


class AuditEntry(BaseModel):
    """One change to one record (or one field of it), hash-chained.

    hash = sha256(prev_hash + the entry's own fields), so changing, inserting
    or deleting a row behind the program's back breaks the chain from there on.
    """

    at = pw.DateTimeField(default=_now, index=True)
    operator = pw.CharField(default="", index=True)
    action = pw.CharField()  # create, update, delete, restore, purge
    record_type = pw.CharField(index=True)
    record_id = pw.IntegerField()
    title = pw.CharField(default="")
    field = pw.CharField(default="")
    old_value = pw.TextField(default="")
    new_value = pw.TextField(default="")
    prev_hash = pw.CharField(default="")
    hash = pw.CharField(default="")

    class Meta:
        indexes = ((("record_type", "record_id"), False),)


class DeletedRecord(BaseModel):
    """The recycle bin: a deleted record with its links, until purged."""

    record_type = pw.CharField(index=True)
    record_id = pw.IntegerField()
    title = pw.CharField(default="")
    deleted_at = pw.DateTimeField(default=_now, index=True)
    deleted_by = pw.CharField(default="")
    payload = pw.TextField()  # JSON: columns, links, children, attachments


class HandinBase(BaseModel):
    """A unit's copy of the ledger: each record it handed in (or was sent), as
    it was at that exchange; its next package says what changed since, and
    the office finds a field both sides changed against it."""

    record_type = pw.CharField()
    record_id = pw.IntegerField()
    uid = pw.CharField(max_length=32)
    values = pw.TextField()  # JSON: handin/portable.py's form

    class Meta:
        indexes = ((("record_type", "uid"), True), (("record_type", "record_id"), False))


class HandinReceipt(BaseModel):
    """The office's ledger: each hand-in package received from a unit."""

    unit_uid = pw.CharField(max_length=32, index=True)
    unit_name = pw.CharField(default="")
    seq = pw.IntegerField()
    period = pw.CharField(default="")
    sender = pw.CharField(default="")
    made_at = pw.CharField(default="")
    received_at = pw.DateTimeField(default=_now)
    received_by = pw.CharField(default="")
    signature = pw.CharField()
    records = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("unit_uid", "seq"), False),)


class HandinPending(BaseModel):
    """A unit's copy: what each package it made carried, until the office
    confirms receiving it (an update names the last package received); the
    records' bases move then, and the packages in between carry everything
    since the last confirmed exchange."""

    seq = pw.IntegerField(index=True)
    record_type = pw.CharField()
    record_id = pw.IntegerField()
    uid = pw.CharField(max_length=32)
    values = pw.TextField(null=True)  # JSON; NULL: the package deleted it


class HandinReceived(BaseModel):
    """The office: each unit's record as its last merged package carried it,
    the base its next package's changes are measured from."""

    unit_uid = pw.CharField(max_length=32)
    record_type = pw.CharField()
    uid = pw.CharField(max_length=32)
    values = pw.TextField()
    # What an update sent the unit of the record since (and its number): the
    # base instead, once a package says the unit took that update.
    sent_seq = pw.IntegerField(default=0)
    sent_values = pw.TextField(null=True)

    class Meta:
        indexes = ((("unit_uid", "record_type", "uid"), True),)


def _link(name: str, owner: type[pw.Model], target: type[pw.Model]) -> type[pw.Model]:
    """A many-to-many link table: deleting the owner drops its links, deleting
    a linked target is refused while links exist."""
    owner_field = owner.__name__.lower()
    target_field = target.__name__.lower()
    attrs = {
        owner_field: pw.ForeignKeyField(owner, on_delete="CASCADE"),
        target_field: pw.ForeignKeyField(target, on_delete="RESTRICT", index=True),
        "Meta": type("Meta", (), {"indexes": (((owner_field, target_field), True),)}),
        "__module__": __name__,
    }
    return type(name, (BaseModel,), attrs)


ActivityInstitution = _link("ActivityInstitution", Activity, Institution)
AgreementInstitution = _link("AgreementInstitution", Agreement, Institution)
BaseInstitution = _link("BaseInstitution", Base, Institution)
ProjectInstitution = _link("ProjectInstitution", Project, Institution)
MeetingUnit = _link("MeetingUnit", Meeting, Unit)

ALL_MODELS: list[type[pw.Model]] = [
    SchemaVersion,
    LedgerInfo,
    Category,
    Unit,
    Institution,
    Activity,
    Agreement,
    Base,
    Project,
    ProjectMilestone,
    Talent,
    Achievement,
    Meeting,
    Task,
    TaskProgress,
    LedgerReport,
    AssessmentTarget,
    Attachment,
    ActivityInstitution,
    AgreementInstitution,
    BaseInstitution,
    ProjectInstitution,
    MeetingUnit,
    AuditEntry,
    DeletedRecord,
    HandinBase,
    HandinReceipt,
    HandinPending,
    HandinReceived,
]

# The ledger's record types (each a Record, with its uid).
RECORD_MODELS: list[type[pw.Model]] = [
    model for model in ALL_MODELS if isinstance(model, type) and issubclass(model, Record)
]
