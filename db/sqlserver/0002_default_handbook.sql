-- SQL Server twin of db/sqlite/0002_default_handbook.sql. The default handbook, in force from the first start; sectors without a handbook of their own use it.

INSERT INTO handbooks (sector, version, name, pm_may_hold_board_role, approval_mode, created_at)
VALUES (N'standard', 1, N'Standard prosjekthåndbok', 0, N'executiveDecides', N'2026-01-01T00:00:00');

INSERT INTO handbook_checklist_items (sector, version, item_id, decision_point, text_nb, text_en, mandatory, position) VALUES
(N'standard', 1, N'bp1-need',           N'bp1',           N'Behovet og problemet som skal løses er beskrevet.',                      N'The need and the problem to solve are described.',                    1, 1),
(N'standard', 1, N'bp1-strategy',       N'bp1',           N'Forankring i kommuneplan eller virksomhetsstrategi er vurdert.',         N'Alignment with the municipal plan or strategy is assessed.',          1, 2),
(N'standard', 1, N'bp1-line-task',      N'bp1',           N'Det er vurdert om oppgaven heller bør løses som linjeoppgave.',          N'Whether the task is better done as line work is considered.',         0, 3),
(N'standard', 1, N'bp2-alternatives',   N'bp2',           N'Alternative løsninger, inkludert nullalternativet, er vurdert.',         N'Alternative solutions, including doing nothing, are assessed.',       1, 4),
(N'standard', 1, N'bp2-stakeholders',   N'bp2',           N'Interessenter og berørte tjenester er kartlagt.',                        N'Stakeholders and affected services are mapped.',                      1, 5),
(N'standard', 1, N'bp2-privacy',        N'bp2',           N'Behov for personvernkonsekvensvurdering (DPIA) er vurdert.',              N'The need for a data protection impact assessment is considered.',     0, 6),
(N'standard', 1, N'bp3-resources',      N'bp3',           N'Ressurser fra linjen er avklart med ledere som avgir dem.',              N'Line resources are agreed with the managers who provide them.',       1, 7),
(N'standard', 1, N'bp3-communication',  N'bp3',           N'Kommunikasjonsplan er utarbeidet.',                                      N'A communication plan is prepared.',                                   1, 8),
(N'standard', 1, N'bp3-procurement',    N'bp3',           N'Anskaffelsesbehov og regelverk for offentlige anskaffelser er avklart.', N'Procurement needs and public procurement rules are clarified.',       0, 9),
(N'standard', 1, N'sb-stage-report',    N'stageBoundary', N'Faserapport for avsluttet fase er skrevet.',                             N'The end stage report for the finished stage is written.',             1, 10),
(N'standard', 1, N'sb-risks',           N'stageBoundary', N'Usikkerhetsregisteret er oppdatert.',                                    N'The uncertainty register is up to date.',                             1, 11),
(N'standard', 1, N'bp4-handover',       N'bp4',           N'Overlevering til linjen er planlagt med mottakende enhet.',              N'Handover to the line is planned with the receiving unit.',            1, 12),
(N'standard', 1, N'bp4-training',       N'bp4',           N'Opplæring av brukere er gjennomført eller planlagt.',                    N'User training is done or planned.',                                   0, 13),
(N'standard', 1, N'bp5-archive',        N'bp5',           N'Prosjektdokumentasjonen er arkivert etter arkivloven.',                  N'Project records are archived under the Archives Act.',                1, 14),
(N'standard', 1, N'bp5-resources',      N'bp5',           N'Prosjektressurser er frigitt tilbake til linjen.',                       N'Project resources are released back to the line.',                    1, 15),
(N'standard', 1, N'bp6-benefits',       N'bp6',           N'Gevinstrealiseringen er evaluert og rapportert til virksomhetsledelsen.', N'Benefit realisation is evaluated and reported to management.',      1, 16);
