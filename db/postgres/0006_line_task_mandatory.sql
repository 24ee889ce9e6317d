-- The method's introduction asks first whether the task belongs in the line: in the default handbook that item is mandatory.
UPDATE handbook_checklist_items SET mandatory = TRUE WHERE sector = 'standard' AND version = 1 AND item_id = 'bp1-line-task';
