-- Partner query APIs the hub polls for status (Đ23): how far each was read, and which node reads it
-- now. A node takes the lease, reads from the cursor, applies what it got, moves the cursor and lets
-- go; a node that dies leaves its lease to expire and another reads again from the same cursor (the
-- updates it applies twice are recognised by their message ids). So one node polls at a time.
create table status_poll (
    system      text primary key,
    cursor      text,
    lease_until timestamptz,
    polled_at   timestamptz
);
