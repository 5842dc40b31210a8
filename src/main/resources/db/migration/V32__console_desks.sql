-- The console's desks: the mail desk lists processed mails by what became of them (robot, out of scope,
-- opened); the deliveries page shows the latest delivered with the partner's answer.
create index mail_message_by_outcome on mail_message (outcome, received_at) where status = 'PROCESSED';
create index delivery_delivered on delivery (updated_at) where status = 'DELIVERED';
