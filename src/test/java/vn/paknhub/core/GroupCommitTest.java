package vn.paknhub.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** The grouping itself; SubmissionGroupCommitTest shows it with PostgreSQL transactions. */
class GroupCommitTest {

    final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstCallMayEnd = new CountDownLatch(1);
    final ExecutorService callers = Executors.newFixedThreadPool(8);
    GroupCommit<String, String> group;

    /** Answers each item in upper case, refuses "bad", and holds its first call until told. */
    final Function<List<String>, List<String>> store = items -> {
        calls.add(items);
        if (calls.size() == 1) {
            try {
                firstCallMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (items.contains("bad")) {
            throw new IllegalArgumentException("bad item");
        }
        return items.stream().map(String::toUpperCase).toList();
    };

    @AfterEach
    void tearDown() throws Exception {
        firstCallMayEnd.countDown();
        callers.shutdownNow();
        group.close();
    }

    @Test
    void items_that_wait_while_the_writer_is_busy_are_stored_in_one_call_and_each_gets_its_own_answer()
            throws Exception {
        group = new GroupCommit<>("test", 1, 64, TransactionOperations.withoutTransaction(), store);
        Future<String> first = callers.submit(() -> group.write("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 1);
        List<Future<String>> later = new ArrayList<>();
        for (String item : List.of("a", "b", "c", "d", "e")) {
            later.add(callers.submit(() -> group.write(item)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 5);

        firstCallMayEnd.countDown();

        assertThat(first.get()).isEqualTo("FIRST");
        List<String> answers = new ArrayList<>();
        for (Future<String> f : later) {
            answers.add(f.get());
        }
        assertThat(answers).containsExactly("A", "B", "C", "D", "E");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    @Test
    void a_failing_item_fails_alone_and_the_others_of_its_call_are_stored_again_one_by_one() throws Exception {
        group = new GroupCommit<>("test", 1, 64, TransactionOperations.withoutTransaction(), store);
        callers.submit(() -> group.write("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 1);
        Future<String> a = callers.submit(() -> group.write("a"));
        Future<String> bad = callers.submit(() -> group.write("bad"));
        Future<String> b = callers.submit(() -> group.write("b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 3);

        firstCallMayEnd.countDown();

        assertThat(a.get()).isEqualTo("A");
        assertThat(b.get()).isEqualTo("B");
        assertThatThrownBy(bad::get).hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad item");
        // the shared call, then each of its three alone
        assertThat(calls).hasSize(5);
        assertThat(calls.get(1)).hasSize(3);
        assertThat(calls.subList(2, 5)).allSatisfy(c -> assertThat(c).hasSize(1));
    }

    @Test
    void the_callers_own_failure_reaches_it_unwrapped() {
        firstCallMayEnd.countDown();
        group = new GroupCommit<>("test", 2, 64, TransactionOperations.withoutTransaction(), store);

        assertThatThrownBy(() -> group.write("bad")).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThat(group.write("after")).isEqualTo("AFTER");
    }

    @Test
    void after_close_items_are_still_stored_in_the_callers_thread() throws Exception {
        firstCallMayEnd.countDown();
        group = new GroupCommit<>("test", 2, 64, TransactionOperations.withoutTransaction(), store);
        group.close();

        assertThat(group.write("late")).isEqualTo("LATE");
        assertThat(calls).containsExactly(List.of("late"));
    }

    @Test
    void once_items_come_together_a_lingering_writer_waits_for_more_before_it_writes() throws Exception {
        group = new GroupCommit<>("test", 1, 2, Duration.ofSeconds(30), TransactionOperations.withoutTransaction(), store);
        callers.submit(() -> group.write("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 1);
        Future<String> a = callers.submit(() -> group.write("a"));
        Future<String> b = callers.submit(() -> group.write("b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 2);
        firstCallMayEnd.countDown();
        assertThat(a.get() + b.get()).isEqualTo("AB");

        // the last call held two: the writer takes "c" and waits for company instead of writing it alone
        Future<String> c = callers.submit(() -> group.write("c"));
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 0);
        assertThat(calls).hasSize(2);
        assertThat(c.isDone()).isFalse();
        Future<String> d = callers.submit(() -> group.write("d"));

        assertThat(c.get() + d.get()).isEqualTo("CD");
        assertThat(calls.get(2)).containsExactly("c", "d");
    }
}
