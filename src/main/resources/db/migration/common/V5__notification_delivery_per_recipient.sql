-- Delivery per recipient: the recipients the SMTP server has accepted, so that a retry sends only to the others,
-- and how many attempts were made (the last error is in note; status FAILED when the attempts ran out).
alter table notification add column delivered_to varchar(2000);
alter table notification add column attempts integer default 0 not null;
