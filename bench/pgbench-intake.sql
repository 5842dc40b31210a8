-- pgbench custom script: the database work of one accepted submission, reduced to its two rows.
-- One case-like row (uuid, text code, ~600 bytes of text, four ~64-byte bytea columns, timestamps)
-- and one outbox-like row (jsonb ~400 bytes), committed together: one durable commit per transaction.
-- Tables live in the throwaway schema "bench" (bench/run.sh creates them).
\set n random(1, 2000000000)
BEGIN;
INSERT INTO bench.case_row (id, code, title, content, name_enc, address_enc, phone_enc, fingerprint, received_at, updated_at)
VALUES (gen_random_uuid(), 'BENCH-' || nextval('bench.code_seq'),
        'Đề xuất số hoá thủ tục cấp phép thành lập doanh nghiệp khởi nghiệp sáng tạo',
        'Kính gửi Bộ Khoa học và Công nghệ. Hiện nay thủ tục xin hỗ trợ cho doanh nghiệp khởi nghiệp sáng tạo vẫn yêu cầu nộp hồ sơ giấy tại nhiều cơ quan khác nhau, gây tốn thời gian và chi phí. Tôi đề nghị cho phép nộp toàn bộ hồ sơ trực tuyến và liên thông dữ liệu giữa các cơ quan. Mã tham chiếu ' || :n || '.',
        sha256(('a' || :n)::bytea) || sha256(('b' || :n)::bytea),
        sha256(('c' || :n)::bytea) || sha256(('d' || :n)::bytea),
        sha256(('e' || :n)::bytea) || sha256(('f' || :n)::bytea),
        sha256(('g' || :n)::bytea) || sha256(('h' || :n)::bytea),
        now(), now());
INSERT INTO bench.outbox_row (event_id, case_code, topic, payload)
VALUES (gen_random_uuid(), 'BENCH-' || :n, 'hub.case-events',
        ('{"schema":"pakn-hub/case-event/v1","eventId":"' || gen_random_uuid() || '","caseCode":"BENCH-' || :n
         || '","version":1,"action":"SUBMIT","toState":"SUBMITTED","channel":"WEB","fieldCode":"d",'
         || '"actorKind":"SUBMITTER","occurredAt":"' || now() || '","note":"'
         || repeat('x', 120) || '"}')::jsonb);
COMMIT;
