// Schema of the negotiation graph: constraints and indexes. Applied by `npm start`,
// `npm run seed`, `npm run schema:apply` and the compose seed job. Every statement is
// IF NOT EXISTS, so applying the script again changes nothing.
// Statements end with ';' at the end of a line; lines starting with // are comments.

// Every node the graph owns carries the label Entity and a globally unique `id`
// (e.g. 'pakistan', 'istanbul-talks'). Loaders MERGE on it; relationships find their
// ends through it. Backed by a range index.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Per-label uniqueness of `id`, so analysts' MATCH (a:Actor {id: $id}) is an index seek.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT demand_id IF NOT EXISTS FOR (n:Demand) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

// Filters the API and analysts use: actors by kind, demands by issue, claims by what they
// are about (the disagreement query groups on subject and property).
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX demand_issue IF NOT EXISTS FOR (n:Demand) ON (n.issue);
CREATE INDEX claim_subject_property IF NOT EXISTS FOR (n:Claim) ON (n.subject, n.property);

// Full-text search across names, aliases, summaries and the verbatim quotes of every kind
// of fact (Lucene; query with db.index.fulltext.queryNodes('search', $text)). The analyzer
// folds accents: "Erdogan" finds "Erdoğan". (apply-schema.ts replaces an older `search`
// index built with another analyzer.)
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:Actor|Demand|Meeting|Incident|Statement|Claim|Source)
ON EACH [n.name, n.aliases, n.summary, n.outcome, n.value, n.title, n.quotes]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};

// API keys (not part of the negotiation graph): looked up by their public id; only an
// Argon2 hash of the key is stored.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.keyId IS UNIQUE;

// Name resolution (src/resolve/): ids, names and aliases, case- and accent-folded, so an
// argument "Erdogan" finds "Erdoğan" and "Islamabad" finds Pakistan.
CREATE FULLTEXT INDEX names IF NOT EXISTS
FOR (n:Actor|Demand|Meeting|Incident|Statement|Claim|Source)
ON EACH [n.id, n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};

// The write path (src/write/): a report added through the API is identified by the hash
// of its text (the same text twice is the same report); every write is an Edit, found by
// id or by the client's idempotency key.
CREATE CONSTRAINT source_text_hash IF NOT EXISTS FOR (n:Source) REQUIRE n.textHash IS UNIQUE;
CREATE CONSTRAINT edit_id IF NOT EXISTS FOR (e:Edit) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT edit_idempotency_key IF NOT EXISTS FOR (e:Edit) REQUIRE e.idempotencyKey IS UNIQUE;
CREATE INDEX edit_at IF NOT EXISTS FOR (e:Edit) ON (e.at);
