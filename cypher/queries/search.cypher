// @question Which nodes mention some words (names, aliases, summaries, verbatim quotes)? Uses the full-text index `search`.
// @param text Words to look for, e.g. "buffer zone" (Lucene syntax)
// @column label Kind of node
// @column id Node id
// @column score Relevance
// @column text Name or summary
CALL db.index.fulltext.queryNodes('search', $text) YIELD node, score
WHERE NOT node:Source
RETURN [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.id AS id, round(score, 3) AS score, coalesce(node.name, node.summary, node.value) AS text
ORDER BY score DESC
LIMIT 20;
