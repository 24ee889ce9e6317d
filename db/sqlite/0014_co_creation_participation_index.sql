-- An index for the portfolio's count of projects that reached a hard-to-reach group: participation by group.

CREATE INDEX ix_co_creation_participation_group ON co_creation_participation (group_id, participants);
