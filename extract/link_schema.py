"""The tables and views of links across documents (initiative threads, editions,
abbreviations), declared as data; :mod:`extract.schema` adds them to the schema."""

from __future__ import annotations

from typing import Any

LINK_SCHEMA: dict[str, dict[str, Any]] = {
    "initiatives": {  # one row per real-world initiative: its units of different documents linked
        "columns": {"id": str, "name": str, "first_date": str, "last_date": str, "documents": int},
        "pk": "id",
    },
    "initiative_sections": {  # a unit (an initiative section, or a whole agenda item) and its initiative
        "columns": {
            "id": str,
            "initiative_id": str,
            "section_id": str,  # null: the whole document is about the initiative
            "document_id": str,
            "item_at": int,  # a list item of the section: where it stands in the text
            "heading": str,
            "date": str,
            "match_basis": str,  # why: name, name+target_groups, name+allocation, continuation, name+series,
            # same_period (one budget round), reference (its text cites the other's case number or
            # meeting item), shared_reference (both cite one meeting item), budget_area (one
            # committee's budget area under another heading in a related follow-up or the accounts)
            "score": float,
            "linked_to": str,  # the unit it was linked to (initiative_sections.id)
            "quote": str,  # a reference's words: the case number or meeting item the link cites
            "fate": str,  # continued, expanded, reduced, ended, evaluated: what its text says
            "fate_quote": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("initiative_id", "initiatives", "id"),
            ("section_id", "sections", "id"),
            ("document_id", "documents", "id"),
        ],
    },
    "initiative_links": {  # each link made between two units of different documents
        "columns": {
            "id": str,
            "document_a": str,
            "section_a": str,  # its unit: a section id, "section@offset" for a list item, null: the document
            "document_b": str,
            "section_b": str,
            "match_basis": str,
            "score": float,
            "quote": str,  # a reference's words
        },
        "pk": "id",
    },
    "linked_documents": {  # documents linked, and under which linking rules
        "columns": {"document_id": str, "links_digest": str, "linked_at": str},
        "pk": "document_id",
    },
    "editions": {  # documents of one series (same kind and issuer, later years), in date order
        "columns": {"id": str, "series_id": str, "series": str, "document_id": str, "date": str, "position": int},
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "abbreviations": {  # what abbreviations stand for: curated (rules) or defined in a document
        "columns": {
            "id": str,
            "abbr": str,
            "expansion": str,
            "source": str,  # rules or document
            "document_id": str,
            "quote": str,
            "char_start": int,
            "char_end": int,
        },
        "pk": "id",
    },
}

LINK_INDEXES = [
    ("initiative_sections", ["initiative_id"]),
    ("initiative_sections", ["document_id"]),
    ("initiative_links", ["document_a"]),
    ("initiative_links", ["document_b"]),
    ("editions", ["series_id", "position"]),
    ("abbreviations", ["abbr"]),
]

# (table, column naming a document): rows that go when their document goes
LINKS_BY_DOCUMENT = (
    ("initiative_links", "document_a"),
    ("initiative_links", "document_b"),
    ("initiative_sections", "document_id"),
    ("linked_documents", "document_id"),
    ("editions", "document_id"),
    ("abbreviations", "document_id"),
)

# a unit's own sums of money (not totals of parts, not shares): those of its initiative
# section or that stand in its section, or all its document's for a whole document
_UNIT_SUMS = """(a.initiative_id = u.section_id or (a.section_id = u.section_id and u.item_at is null)
       or (u.section_id is null and a.document_id = u.document_id))
      and a.document_id = u.document_id and a.scope = 'own' and not a.is_total and a.part_of is null"""
_UNIT_MONEY = _UNIT_SUMS + " and a.status = 'granted'"
# the same for the records of a unit (target groups t, milestones m)
_UNIT_RECORD = """{x}.document_id = u.document_id and ({x}.initiative_id = u.section_id
            or ({x}.section_id = u.section_id and u.item_at is null) or u.section_id is null)"""

LINK_VIEWS = {
    # one initiative's units in date order: its money per year and status, target groups, milestones, fate
    "initiative_history": f"""
select i.id as initiative_id, i.name as initiative, u.date, d.title as document, d.path,
       u.heading, u.section_id, u.match_basis, u.score, u.quote as reference, u.fate, u.fate_quote,
       (select group_concat(y.year || ': ' || cast(round(y.kroner) as integer) || ' ' || y.status, '; ') from (
          select y.year, a.status, sum(y.value_dkk) as kroner
          from allocations_per_year y join allocations a on a.id = y.allocation_id
          where {_UNIT_SUMS} group by y.year, a.status order by y.year, a.status) y) as money_per_year,
       (select group_concat(distinct g.value) from target_groups t, json_each(t.groups) g
          where {_UNIT_RECORD.format(x="t")}) as target_groups,
       (select group_concat(m.date_text || coalesce(' (' || m.date_start || ')', ''), '; ') from milestones m
          where {_UNIT_RECORD.format(x="m")}) as milestones,
       u.document_id, u.id as unit_id
from initiative_sections u
join initiatives i on i.id = u.initiative_id
join documents d on d.id = u.document_id
order by i.name, u.date, d.path""",
    # for two editions of a series, each initiative added, dropped or kept, with its money in each
    "edition_changes": f"""
with pairs as (
  select a.series_id, a.series, a.document_id as earlier, b.document_id as later, a.date as earlier_date,
         b.date as later_date
  from editions a join editions b on a.series_id = b.series_id and a.position < b.position),
units as (
  select u.initiative_id, u.document_id, u.heading,
         (select sum(a.value_dkk) from allocations a where {_UNIT_MONEY}) as kroner,
         (select group_concat(distinct g.value) from target_groups t, json_each(t.groups) g
            where {_UNIT_RECORD.format(x="t")}) as groups
  from initiative_sections u)
select p.series, p.earlier_date, p.later_date, 'kept' as change, e.heading as earlier_heading,
       l.heading as later_heading, e.kroner as earlier_kroner, l.kroner as later_kroner,
       l.kroner - e.kroner as kroner_change, e.groups as earlier_groups, l.groups as later_groups,
       p.earlier, p.later, e.initiative_id
from pairs p join units e on e.document_id = p.earlier join units l on l.document_id = p.later
  and l.initiative_id = e.initiative_id
union all
select p.series, p.earlier_date, p.later_date, 'dropped', e.heading, null, e.kroner, null, null, e.groups, null,
       p.earlier, p.later, e.initiative_id
from pairs p join units e on e.document_id = p.earlier
where not exists (select 1 from units l where l.document_id = p.later and l.initiative_id = e.initiative_id)
union all
select p.series, p.earlier_date, p.later_date, 'added', null, l.heading, null, l.kroner, null, null, l.groups,
       p.earlier, p.later, l.initiative_id
from pairs p join units l on l.document_id = p.later
where not exists (select 1 from units e where e.document_id = p.earlier and e.initiative_id = l.initiative_id)
order by 1, 2, 3, 4""",
}
