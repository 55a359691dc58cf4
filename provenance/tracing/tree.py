"""A quote cluster as a readable tree for the terminal (``provenance trace``)."""

from rich.markup import escape
from rich.tree import Tree

from provenance.domain import Appearance, Cluster


def cluster_tree(cluster: Cluster) -> Tree:
    """Who said the words, where they first appeared, every appearance and its chain."""
    match = f" · match {cluster.score:.0f}" if cluster.score is not None else ""
    tree = Tree(
        f"[bold]Cluster {cluster.id}[/bold] · {cluster.appearance_count} appearance(s) in "
        f"{cluster.document_count} document(s){match}\n“{escape(cluster.text)}”"
    )
    said = tree.add("[bold]Said by[/bold]")
    for attributed in cluster.speakers:
        names = ", ".join(f"“{escape(a.name)}” ×{a.count}" for a in attributed.names)
        said.add(f"{escape(attributed.speaker.name)} (as {names})")
    if not cluster.speakers:
        said.add("[dim]no speaker named[/dim]")
    tree.add(f"[bold]First appeared[/bold]: {_where(cluster.first_appearance)}")
    shown = tree.add(f"[bold]Appearances[/bold] ({cluster.appearance_count})")
    for appearance in cluster.appearances:
        shown.add(_where(appearance)).add(f"chain: {_chain(appearance)}")
    if cluster.intermediaries:
        links = cluster.intermediaries
        via = ", ".join(f"{escape(link.node.name)} ×{link.weight}" for link in links)
        tree.add(f"[bold]Intermediaries[/bold]: {via}")
    for label, refs in (("Denied by", cluster.denied_by), ("Denies", cluster.denies)):
        for ref in refs:
            tree.add(f"[bold]{label}[/bold]: cluster {ref.id} “{escape(ref.text)}”")
    return tree


def _where(appearance: Appearance) -> str:
    doc, statement = appearance.document, appearance.statement
    when = f"{doc.published} ({doc.published_precision})" if doc.published else "undated"
    title = escape(doc.title or doc.id)
    outlet = f" · {escape(doc.outlet)}" if doc.outlet else ""
    who = escape(statement.attributed_as or "unattributed")
    channel = f", {escape(statement.channel)}" if statement.channel else ""
    return f"{when} {title}{outlet} — {who}{channel} [dim](statement {statement.id})[/dim]"


def _chain(appearance: Appearance) -> str:
    statement, doc = appearance.statement, appearance.document
    speaker = statement.speaker.name if statement.speaker else "?"
    hops = [speaker, *(source.name for source in statement.chain.via)]
    hops.append(f"{doc.title or doc.id}" + (f" ({doc.outlet})" if doc.outlet else ""))
    return escape(" → ".join(hops))
