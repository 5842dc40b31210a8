-- Tracking-code numbers are taken by each hub node in blocks of this many (one round trip per block
-- instead of one per item, CaseRepository.nextCodeNumber). A node that stops leaves the rest of its
-- block unused: the numbers are unique, not gapless, and two nodes' numbers interleave.
alter sequence case_code_seq increment by 50;
