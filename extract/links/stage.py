"""The cross-document stage of a build: link what changed, from the committed rows.

Runs after every document is written. A document is linked once per version of the
linking rules (``linked_documents``): a new or changed document's units are compared
with every other unit, the others' links are kept as stored. Initiatives, editions and
the abbreviations table are then recomputed from the stored links and rows, in the same
transaction as the new links (:func:`extract.save.write_links`), so a crash leaves the
previous links and the next build links what is missing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from extract.extractors.document_place import PlaceRules, place_named
from extract.links import editions as ed
from extract.links import match, names
from extract.links import references as refs
from extract.links.link_rules import AbbreviationRules, InitiativeRules
from extract.rules import RuleSet

# the rules files the links read (its stage in extract/pipeline.py declares these)
RULE_NAMES = ("initiatives.yml", "abbreviations.yml", "places.yml")


@dataclass
class LinkResult:
    linked: list[str] = field(default_factory=list)  # documents (re)linked by this run
    links: list[match.Link] = field(default_factory=list)  # the new links
    units: list[match.Unit] = field(default_factory=list)  # every unit of the database
    definitions: dict[str, list[names.Definition]] = field(default_factory=dict)  # of the linked documents
    expansions: dict[str, dict[str, str]] = field(default_factory=dict)  # section id → abbr → expansion
    digest: str = ""


def rules_digest(rules: RuleSet) -> str:
    return rules.digest(RULE_NAMES)[:16]


def pending(db, rules: RuleSet) -> bool:
    """Whether a document is not linked under the present rules (new, changed, or left
    unlinked by a crash): only then, or when documents went, has linking work to do."""
    row = db.execute(
        "select 1 from documents d where not exists (select 1 from linked_documents l "
        "where l.document_id = d.id and l.links_digest = ?) limit 1",
        [rules_digest(rules)],
    ).fetchone()
    return row is not None


def plan(db, rules: RuleSet) -> LinkResult:
    """What this run must link and the new links (reads the database, writes nothing)."""
    irules: InitiativeRules = rules["initiatives.yml"]
    arules: AbbreviationRules = rules["abbreviations.yml"]
    places: PlaceRules = rules["places.yml"]
    digest = rules_digest(rules)
    done = {
        r["document_id"] for r in db.query("select document_id from linked_documents where links_digest = ?", [digest])
    }
    docs = list(db.query("select id, path, title, date, case_number, municipality from documents order by path"))
    result = LinkResult(digest=digest, linked=[d["id"] for d in docs if d["id"] not in done])
    base = names.curated(arules)
    todo = set(result.linked)
    for doc in docs:
        text = ""
        if doc["id"] in todo:
            row = db.execute("select text from texts where document_id = ?", [doc["id"]]).fetchone()
            text = row[0] if row else ""
            result.definitions[doc["id"]] = names.definitions(text, arules)
            result.expansions.update(
                section_expansions(db, doc["id"], names.merged(base, result.definitions[doc["id"]]))
            )
        result.units += doc_units(db, doc, irules, base, text, places)
    new = [u for u in result.units if u.document_id in todo]
    old = [u for u in result.units if u.document_id not in todo]
    result.links = match.links(new, old, irules)
    return result


def section_expansions(db, doc_id: str, expansions: dict[str, str]) -> dict[str, dict[str, str]]:
    out = {}
    for row in db.query("select id, heading, body from sections where document_id = ?", [doc_id]):
        found = names.used(f"{row['heading'] or ''}\n{row['body'] or ''}", expansions)
        out[row["id"]] = {a: expansions[a] for a in found}
    return out


def doc_units(
    db, doc: dict, rules: InitiativeRules, expansions: dict, text: str = "", places: Optional[PlaceRules] = None
) -> list[match.Unit]:
    """A document's units: its initiative sections; in a series document its other sections
    and list items that name something; and the whole document (an edition of a series, or
    an agenda item, plan or report about one thing)."""
    title = doc["title"] or ""
    series = ed.is_series(title, rules)
    if title and not text:
        row = db.execute("select text from texts where document_id = ?", [doc["id"]]).fetchone()
        text = row[0] if row else ""
    municipality = doc.get("municipality") or ""
    path_place = refs.place_of(doc["path"], rules.references)  # what a text leaves: the path's form, as one name
    place = municipality or (place_named(path_place, places) if places else "") or path_place
    meeting = refs.meeting_of_document(text, doc["date"], doc["path"], rules.references)
    context = {
        "date": ed.document_date(doc["date"], doc["path"], rules),
        "series": ed.series_name(title, rules) if series else "",
        "years": frozenset(rules.title_year.findall(rules.period.sub("", title))),  # a period is no year
        "period": _period(title, rules),
        "case_number": doc.get("case_number") or "",
        "place": place,
        "municipality": municipality,
        "meeting": dataclasses.replace(meeting, place=place) if meeting else None,
        "committee": refs.committee_of(text, doc["path"], rules.references),
    }
    facts = _facts(db, doc["id"])
    sections = list(
        db.query(
            "select id, heading, role, char_start, char_end from sections where document_id = ? order by position",
            [doc["id"]],
        )
    )
    units = [u for row in sections if (u := _section_unit(doc["id"], row, series, rules, expansions, facts, context))]
    if title:  # every document is a unit too: a series edition, or an agenda item, plan or report on one thing
        if series:
            items = _item_units(doc["id"], text, sections, rules, expansions, context)
            # a list item that restates a heading of its own document is that heading's unit
            units += [i for i in items if all(match.name_score(i.name, u.name, rules) < rules.name_min_ratio
                                              for u in units)]  # fmt: skip
        groups, amounts, _ = facts
        units.append(
            match.Unit(
                doc["id"],
                None,
                title,
                names.normalise(title, rules, expansions),
                text=text,
                groups=frozenset(g for gs in groups.values() for g in gs),
                amounts=frozenset(a for xs in amounts.values() for a in xs),
                kind="series_document" if series else "item",
                **context,
            )
        )
    return units


def _period(text: str, rules: InitiativeRules) -> str:
    found = rules.period.search(text or "")
    return re.sub(r"\s", "", found.group(1)) if found else ""


def _refers(text: str, rules: InitiativeRules) -> frozenset[str]:
    return frozenset(re.sub(r"\s", "", p) for p in rules.period.findall(text or ""))


def _names_something(heading: str, rules: InitiativeRules) -> bool:
    """A heading or list item short enough to be a name and not an agenda field or a caption."""
    return len(heading.split()) <= rules.list_item_max_words and not rules.not_unit_heading.search(heading)


def _section_unit(
    doc_id: str, row, series: bool, rules: InitiativeRules, expansions, facts, context
) -> Optional[match.Unit]:
    if row["role"] in rules.unit_roles:
        kind = "initiative"
    elif series and row["role"] in rules.series_roles and _names_something(row["heading"] or "", rules):
        kind = "series_section"
    else:
        return None
    groups, amounts, bodies = facts
    name = names.normalise(row["heading"] or "", rules, expansions)
    area = next((a.area for a in rules.areas if a.pattern.search(row["heading"] or "")), "") if series else ""
    return match.Unit(
        doc_id,
        row["id"],
        row["heading"],
        name,
        text=bodies.get(row["id"], ""),
        kind=kind,
        groups=frozenset(groups.get(row["id"], ())),
        refers=_refers(row["heading"], rules),
        amounts=frozenset(amounts.get(row["id"], ())),
        area=area,
        **context,
    )


def _item_units(
    doc_id: str, text: str, sections: list[dict], rules: InitiativeRules, expansions, context
) -> list[match.Unit]:
    """The short list items of a series document that name something (an analysis, a pool):
    units that are kept only when linked."""
    out = []
    for m in rules.list_item.finditer(text):
        item = m.group("item").strip()
        if not _names_something(item, rules):
            continue
        at = m.start("item")
        inside = [s for s in sections if (s["char_start"] or 0) <= at < (s["char_end"] or 0)]
        if not inside:
            continue
        name = names.normalise(item, rules, expansions)
        out.append(
            match.Unit(
                doc_id,
                inside[-1]["id"],
                item,
                name,
                text=item,
                kind="list_item",
                at=at,
                refers=_refers(item, rules),
                **context,
            )
        )
    return out


def _facts(db, doc_id: str):
    """Target groups, sums of money and text of a document, by initiative section (None: the
    rest); the text of a section that is no initiative section is its own."""
    groups, amounts, bodies, own = defaultdict(set), defaultdict(set), defaultdict(list), {}
    for r in db.query("select initiative_id, groups from target_groups where document_id = ?", [doc_id]):
        groups[r["initiative_id"]].update(json.loads(r["groups"] or "[]"))
    for r in db.query("select initiative_id, value_dkk from allocations where document_id = ?", [doc_id]):
        if r["value_dkk"] is not None:
            amounts[r["initiative_id"]].add(r["value_dkk"])
    for r in db.query(
        "select id, initiative_id, heading, body from sections where document_id = ? order by position", [doc_id]
    ):
        own[r["id"]] = f"{r['heading'] or ''}\n{r['body'] or ''}"
        bodies[r["initiative_id"]].append(own[r["id"]])
    return groups, amounts, {**own, **{k: "\n".join(v) for k, v in bodies.items() if k}}


def unit_id(key: tuple[str, str]) -> str:
    return f"{key[0]}:{key[1]}" if key[1] else key[0]


def initiative_id(key: tuple[str, str]) -> str:
    return hashlib.sha256(unit_id(key).encode()).hexdigest()[:16]


def stored_links(db, result: LinkResult) -> list[tuple[tuple, tuple, str, float]]:
    """The links kept from earlier runs: those of documents not linked again now."""
    todo = set(result.linked)
    out = []
    for r in db.query("select * from initiative_links"):
        if r["document_a"] in todo or r["document_b"] in todo:
            continue
        out.append(
            (
                (r["document_a"], r["section_a"] or ""),
                (r["document_b"], r["section_b"] or ""),
                r["match_basis"],
                r["score"],
                r["quote"] or "",
            )
        )
    return out


def new_link_rows(result: LinkResult) -> list[dict]:
    return [
        {
            "id": f"{unit_id(x.a.key)}|{unit_id(x.b.key)}",
            "document_a": x.a.document_id,
            "section_a": x.a.key[1] or None,
            "document_b": x.b.document_id,
            "section_b": x.b.key[1] or None,
            "match_basis": x.basis,
            "score": round(x.score, 1),
            "quote": x.quote or None,
        }
        for x in result.links
    ]


def derive(result: LinkResult, kept: list, docs: list[dict], rules: InitiativeRules) -> dict[str, list[dict]]:
    """Initiatives, their units and the editions of series, from every unit and link."""
    every = kept + [(x.a.key, x.b.key, x.basis, x.score, x.quote) for x in result.links]
    roots = match.threads(result.units, [(a, b, s) for a, b, _, s, _ in every])
    best: dict[tuple, tuple] = {}  # unit → (score, basis, other unit, quote) of its best link inside its initiative
    for a, b, basis, score, quote in every:
        if a in roots and b in roots and roots[a] == roots[b]:
            for one, other in ((a, b), (b, a)):
                if score > best.get(one, (-1,))[0]:
                    best[one] = (score, basis, other, quote)
    members = defaultdict(list)
    for u in result.units:
        members[roots[u.key]].append(u)
    initiatives, sections = [], []
    for root, units in members.items():
        if len(units) == 1 and units[0].kind == "list_item":  # a list item names an initiative when linked
            continue
        units.sort(key=lambda u: (u.date or "", u.document_id, u.section_id or ""))
        iid = initiative_id(root)
        dates = [u.date for u in units if u.date]
        initiatives.append(
            {
                "id": iid,
                "name": units[0].heading,
                "first_date": min(dates, default=None),
                "last_date": max(dates, default=None),
                "documents": len(units),
            }
        )
        for u in units:
            score, basis, other, quote = best.get(u.key, (None, None, None, None))
            found = ed.fate(u.text, rules)
            sections.append(
                {
                    "id": unit_id(u.key),
                    "initiative_id": iid,
                    "section_id": u.section_id,
                    "document_id": u.document_id,
                    "item_at": u.at,
                    "heading": u.heading,
                    "date": u.date,
                    "match_basis": basis,
                    "score": score,
                    "linked_to": unit_id(other) if other else None,
                    "quote": quote or None,
                    "fate": found[0] if found else None,
                    "fate_quote": found[1] if found else None,
                }
            )
    return {"initiatives": initiatives, "initiative_sections": sections, "editions": edition_rows(docs, rules)}


def edition_rows(docs: list[dict], rules: InitiativeRules) -> list[dict]:
    """The documents of each series, in date order."""
    dated = [ed.Dated(d["id"], d["title"] or "", ed.document_date(d["date"], d["path"], rules)) for d in docs]
    rows = []
    for group in ed.editions(dated, rules):
        sid = hashlib.sha256(group[0].document_id.encode()).hexdigest()[:16]
        for n, d in enumerate(group, 1):
            rows.append({"id": f"{sid}:{d.document_id}", "series_id": sid, "series": group[0].title,
                         "document_id": d.document_id, "date": d.date, "position": n})  # fmt: skip
    return rows


def abbreviation_rows(result: LinkResult, rules: AbbreviationRules) -> tuple[list[dict], list[dict]]:
    """(curated rows, rows of the definitions the linked documents give)."""
    curated = [
        {"id": f"rules:{a.abbr}", "abbr": a.abbr, "expansion": a.expansion, "source": "rules"} for a in rules.curated
    ]
    found = [
        {
            "id": f"{doc}:{d.char_start}",
            "abbr": d.abbr,
            "expansion": d.expansion,
            "source": "document",
            "document_id": doc,
            "quote": d.quote,
            "char_start": d.char_start,
            "char_end": d.char_end,
        }
        for doc, defs in result.definitions.items()
        for d in defs
    ]
    return curated, found


def compute(db, rules: RuleSet) -> tuple[LinkResult, dict]:
    """Link what changed and recompute the initiatives (the stage a build runs last): the
    result and what :func:`extract.save.write_links` writes, in one transaction."""
    result = plan(db, rules)
    kept = stored_links(db, result)
    docs = list(db.query("select id, path, title, date, case_number from documents"))
    derived = derive(result, kept, docs, rules["initiatives.yml"])
    curated, found = abbreviation_rows(result, rules["abbreviations.yml"])
    rows = {
        "linked": result.linked,
        "digest": result.digest,
        "links": new_link_rows(result),
        "derived": derived,
        "curated": curated,
        "definitions": found,
        "expansions": result.expansions,
    }
    return result, rows
