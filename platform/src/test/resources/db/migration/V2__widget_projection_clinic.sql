-- The projection holds a clinic's data too: it carries the clinic and so falls under Row-Level Security.
alter table widget_projection add column clinic_id uuid;
