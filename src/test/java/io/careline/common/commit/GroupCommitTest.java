package io.careline.common.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Group commit without a database: who writes which group, what a failed group becomes, when it sheds. */
class GroupCommitTest {
    private final List<List<String>> groups = new ArrayList<>();
    private final List<Integer> afterCommit = new ArrayList<>();

    private static PendingWrite<String> item(String name) {
        return new Named(name);
    }

    /** An item that knows its name, for the writers below. */
    private static final class Named extends PendingWrite<String> {
        final String name;

        Named(String name) {
            this.name = name;
        }
    }

    private GroupCommit<PendingWrite<String>> commit(GroupCommit.Writer<PendingWrite<String>> writer, int maxGroup,
            int maxQueued) {
        return new GroupCommit<>(group -> {
            groups.add(group.stream().map(each -> ((Named) each).name).toList());
            writer.write(group);
        }, (group, oldest) -> afterCommit.add(group.size()), 1, maxGroup, maxQueued);
    }

    @Test
    void itemsSubmittedTogetherAreWrittenInGroupsOfAtMostTheBound() {
        GroupCommit<PendingWrite<String>> commit = commit(group -> group.forEach(each -> each.accept("ok")), 2, 10);
        List<PendingWrite<String>> items = List.of(item("a"), item("b"), item("c"));

        commit.submitAll(items);

        assertThat(groups).containsExactly(List.of("a", "b"), List.of("c"));
        assertThat(afterCommit).containsExactly(2, 1);
        assertThat(items).allMatch(PendingWrite::answered).extracting(PendingWrite::outcome).containsOnly("ok");
    }

    @Test
    void aFailedGroupIsWrittenAgainOneByOneAndOnlyTheCulpritFails() {
        RuntimeException broken = new IllegalStateException("the database refused b");
        GroupCommit<PendingWrite<String>> commit = commit(group -> {
            group.forEach(each -> each.accept("stored"));
            if (group.stream().anyMatch(each -> ((Named) each).name.equals("b"))) {
                throw broken;
            }
        }, 10, 10);
        List<PendingWrite<String>> items = List.of(item("a"), item("b"), item("c"));

        commit.submitAll(items);

        assertThat(groups).containsExactly(List.of("a", "b", "c"), List.of("a"), List.of("b"), List.of("c"));
        assertThat(afterCommit).containsExactly(1, 1);
        assertThat(items.get(0).outcome()).isEqualTo("stored");
        assertThatThrownBy(items.get(1)::outcome).isSameAs(broken);
        assertThat(items.get(2).outcome()).isEqualTo("stored");
    }

    @Test
    void anItemRefusedOnItsOwnMeritsKeepsThatRefusalWhenItsTransactionFails() {
        DomainException refused = new DomainException(ErrorCode.NO_RECIPIENTS, "nobody");
        GroupCommit<PendingWrite<String>> commit = commit(group -> {
            group.forEach(each -> each.refuse(refused));
            throw new IllegalStateException("rolled back");
        }, 10, 10);
        PendingWrite<String> only = item("a");

        commit.submit(only);

        assertThatThrownBy(only::outcome).isSameAs(refused);
    }

    @Test
    void whatFollowsACommitCannotWriteTheGroupAgain() {
        GroupCommit<PendingWrite<String>> commit = new GroupCommit<>(group -> {
            groups.add(List.of("written"));
            group.forEach(each -> each.accept("ok"));
        }, (group, oldest) -> {
            throw new IllegalStateException("presence unavailable");
        }, 1, 10, 10);
        PendingWrite<String> only = item("a");

        commit.submit(only);

        assertThat(groups).hasSize(1);
        assertThat(only.outcome()).isEqualTo("ok");
    }

    @Test
    void itemsBeyondTheQueuesBoundAreRefusedOverloadedAndNotQueued() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<PendingWrite<String>> commit = commit(group -> {
            writing.countDown();
            await(release);
            group.forEach(each -> each.accept("ok"));
        }, 10, 2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = callers.submit(() -> commit.submit(item("first")));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            List<PendingWrite<String>> waiting = List.of(item("w1"), item("w2"));
            Future<?> queued = callers.submit(() -> commit.submitAll(waiting));
            // The second caller's items wait while the only writer is busy.
            while (commit.queued() < 2) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> commit.submit(item("third"))).isInstanceOfSatisfying(DomainException.class,
                    overloaded -> assertThat(overloaded.code()).isEqualTo(ErrorCode.OVERLOADED));
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            queued.get(10, TimeUnit.SECONDS);
            assertThat(groups).containsExactly(List.of("first"), List.of("w1", "w2"));
        } finally {
            callers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
