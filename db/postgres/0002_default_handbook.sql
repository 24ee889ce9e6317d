-- PostgreSQL twin of db/sqlite/0002_default_handbook.sql. The default handbook, in force from the first start; sectors without a handbook of their own use it.

INSERT INTO handbooks (sector, version, name, pm_may_hold_board_role, approval_mode, created_at)
VALUES ('standard', 1, 'Standard prosjekthåndbok', FALSE, 'executiveDecides', '2026-01-01T00:00:00Z');

INSERT INTO handbook_checklist_items (sector, version, item_id, decision_point, text_nb, text_en, mandatory, position) VALUES
('standard', 1, 'bp1-need',           'bp1',           'Behovet og problemet som skal løses er beskrevet.',                      'The need and the problem to solve are described.',                    TRUE, 1),
('standard', 1, 'bp1-strategy',       'bp1',           'Forankring i kommuneplan eller virksomhetsstrategi er vurdert.',         'Alignment with the municipal plan or strategy is assessed.',          TRUE, 2),
('standard', 1, 'bp1-line-task',      'bp1',           'Det er vurdert om oppgaven heller bør løses som linjeoppgave.',          'Whether the task is better done as line work is considered.',         FALSE, 3),
('standard', 1, 'bp2-alternatives',   'bp2',           'Alternative løsninger, inkludert nullalternativet, er vurdert.',         'Alternative solutions, including doing nothing, are assessed.',       TRUE, 4),
('standard', 1, 'bp2-stakeholders',   'bp2',           'Interessenter og berørte tjenester er kartlagt.',                        'Stakeholders and affected services are mapped.',                      TRUE, 5),
('standard', 1, 'bp2-privacy',        'bp2',           'Behov for personvernkonsekvensvurdering (DPIA) er vurdert.',              'The need for a data protection impact assessment is considered.',     FALSE, 6),
('standard', 1, 'bp3-resources',      'bp3',           'Ressurser fra linjen er avklart med ledere som avgir dem.',              'Line resources are agreed with the managers who provide them.',       TRUE, 7),
('standard', 1, 'bp3-communication',  'bp3',           'Kommunikasjonsplan er utarbeidet.',                                      'A communication plan is prepared.',                                   TRUE, 8),
('standard', 1, 'bp3-procurement',    'bp3',           'Anskaffelsesbehov og regelverk for offentlige anskaffelser er avklart.', 'Procurement needs and public procurement rules are clarified.',       FALSE, 9),
('standard', 1, 'sb-stage-report',    'stageBoundary', 'Faserapport for avsluttet fase er skrevet.',                             'The end stage report for the finished stage is written.',             TRUE, 10),
('standard', 1, 'sb-risks',           'stageBoundary', 'Usikkerhetsregisteret er oppdatert.',                                    'The uncertainty register is up to date.',                             TRUE, 11),
('standard', 1, 'bp4-handover',       'bp4',           'Overlevering til linjen er planlagt med mottakende enhet.',              'Handover to the line is planned with the receiving unit.',            TRUE, 12),
('standard', 1, 'bp4-training',       'bp4',           'Opplæring av brukere er gjennomført eller planlagt.',                    'User training is done or planned.',                                   FALSE, 13),
('standard', 1, 'bp5-archive',        'bp5',           'Prosjektdokumentasjonen er arkivert etter arkivloven.',                  'Project records are archived under the Archives Act.',                TRUE, 14),
('standard', 1, 'bp5-resources',      'bp5',           'Prosjektressurser er frigitt tilbake til linjen.',                       'Project resources are released back to the line.',                    TRUE, 15),
('standard', 1, 'bp6-benefits',       'bp6',           'Gevinstrealiseringen er evaluert og rapportert til virksomhetsledelsen.', 'Benefit realisation is evaluated and reported to management.',      TRUE, 16);
