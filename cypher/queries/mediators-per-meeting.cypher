// @question Who mediated each meeting, in what role, and which reports say so?
// @column meeting Meeting id
// @column mediator Mediator's name
// @column role Role as reported (mediator, facilitator, broker, supporter)
// @column sources Reports stating the mediation
MATCH (m:Meeting)<-[r:MEDIATED]-(a:Actor)
RETURN m.id AS meeting, a.name AS mediator, r.role AS role, r.sourceIds AS sources
ORDER BY meeting, mediator;
