-- The key that signs the channel page's session cookies and CSRF tokens, shared by every instance
-- on this database (made at random by the first instance that needs it).
create table session_key (
    id      int   primary key check (id = 1),
    key     bytea not null
);
