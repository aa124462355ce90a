package org.claimledger.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.readmodel.BulkCatchUp;
import org.claimledger.readmodel.CommittedPositions;
import org.claimledger.readmodel.Projection;
import org.claimledger.source.SourceEvent;
import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;

/**
 * The update feed's own reader of the log (ADR 11): every claim recorded, revised or withdrawn and
 * every source graded, retracted or reinstated becomes an update as its event is read, and every
 * verdict change the verdict model announces ({@link VerdictNews}) follows the update of the event
 * that caused it. The feed is append-only: an update keeps its id for good, whatever is rebuilt
 * later, so subscribers can resume by id. It is never rebuilt itself.
 *
 * <p>Ids are places in the stream (the event's position in the log, then 1, 2, ... for further
 * updates at that place). The stream only moves forward: an update whose event (or verdict
 * change) comes after later places were taken takes the next place at the head instead, so no
 * subscriber steps over it. Every writer of the feed (this processor's batches, and the mover of
 * verdict news, on whichever replica) holds one PostgreSQL lock from reading the head until it
 * commits, so places are taken and committed in one order.
 */
@Singleton
@ProcessingGroup(UpdateProjection.NAME)
public class UpdateProjection implements Projection, BatchedWrites.Batch, BulkCatchUp {

    public static final String NAME = "updates";
    private static final Logger LOG = Logger.getLogger(UpdateProjection.class);
    /** Held by whoever writes the feed, until that transaction ends. */
    static final long FEED_LOCK = 0x7570646174657300L;
    private static final String FEED = "update_feed";
    private static final String BULK_FEED = "update_feed_caught_up";
    private static final int SUBJECTS_KEPT = 100_000;
    private static final int NEWS_PAGE = 1000;

    private final Sql sql;
    private final DataSource dataSource;
    private final BatchedWrites writes;
    private final UpdateSignal signal;
    private final CommittedPositions positions;
    private final UpdateLog log;

    /** Each proposition's subject, the most recently used (the rest are read back from update_subject). */
    private final Map<String, String> subjects = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > SUBJECTS_KEPT;
        }
    };
    /** The head of the stream while this batch holds the feed; null outside a batch that wrote. */
    private Cursor head;
    private boolean queued;
    private String feed = FEED;

    @ConfigProperty(name = "claimledger.streams.poll", defaultValue = "500ms")
    Duration poll;

    private ScheduledExecutorService mover;
    private final AtomicBoolean moveScheduled = new AtomicBoolean();

    @Inject
    public UpdateProjection(DataSource dataSource, UpdateSignal signal, CommittedPositions positions, UpdateLog log) {
        this.sql = new Sql(dataSource);
        this.dataSource = dataSource;
        this.writes = new BatchedWrites(dataSource, this);
        this.signal = signal;
        this.positions = positions;
        this.log = log;
    }

    void start(@Observes @Priority(310) StartupEvent event) {
        mover = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "verdict-news");
            t.setDaemon(true);
            return t;
        });
        signal.listenForNews(this::moveNews);
        mover.scheduleWithFixedDelay(this::moveNews, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @Priority(60) ShutdownEvent event) throws InterruptedException {
        if (mover != null) {
            mover.shutdownNow();
            mover.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** A verdict depends on the log's order, and so does the feed that follows it: one segment. */
    @Override
    public boolean splitByAggregate() {
        return false;
    }

    @Override
    public boolean rebuildable() {
        return false;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        long position = token == null ? -1 : token.position().orElse(-1);
        Instant at = message.getTimestamp();
        UpdateData update = null;
        if (event instanceof PropositionEvent p) {
            p.accept(defined -> {
                String subject = defined.details().subject();
                subjects.put(defined.propositionId(), subject);
                writes.add("update_subject", "INSERT INTO update_subject (proposition_id, subject) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING", defined.propositionId(), subject);
                return null;
            });
        } else if (event instanceof ClaimEvent c) {
            update = c.accept(new UpdateOf(position, at));
        } else if (event instanceof SourceEvent s) {
            update = s.accept(new UpdateOf(position, at));
        }
        if (update != null) {
            append(update, position, at);
        }
        if (!writes.join()) {
            committing();
            writes.flush();
            committed();
        }
    }

    /**
     * An event's update, if historians subscribe to its kind: a claim's (what it now says, unless
     * withdrawn, under its proposition), a source's grade, retraction or reinstatement (a source's
     * registration or revision is none).
     */
    private final class UpdateOf implements ClaimEvent.Handler<UpdateData>, SourceEvent.Handler<UpdateData> {
        private final long position;
        private final Instant at;

        UpdateOf(long position, Instant at) {
            this.position = position;
            this.at = at;
        }

        @Override
        public UpdateData recorded(ClaimEvent.ClaimRecorded e) {
            return claim(UpdateType.CLAIM_RECORDED, e, e.content(), null);
        }

        @Override
        public UpdateData revised(ClaimEvent.ClaimRevised e) {
            return claim(UpdateType.CLAIM_REVISED, e, e.content(), e.reason());
        }

        @Override
        public UpdateData withdrawn(ClaimEvent.ClaimWithdrawn e) {
            return claim(UpdateType.CLAIM_WITHDRAWN, e, null, e.reason());
        }

        private UpdateData claim(UpdateType type, ClaimEvent e, ClaimContent content, String reason) {
            ObjectNode claim = Json.MAPPER.createObjectNode().put("id", e.claimId()).put("sourceId", e.sourceId());
            if (content != null) {
                claim.setAll((ObjectNode) Json.MAPPER.valueToTree(content));
                claim.remove("propositionId");
            }
            return new UpdateData.ClaimChanged(type, position, e.propositionId(), subjectOf(e.propositionId()), claim,
                    reason, at);
        }

        @Override
        public UpdateData registered(SourceEvent.SourceRegistered e) {
            return null;
        }

        @Override
        public UpdateData revised(SourceEvent.SourceRevised e) {
            return null;
        }

        @Override
        public UpdateData assessed(SourceEvent.SourceAssessed e) {
            return new UpdateData.SourceChanged(UpdateType.SOURCE_ASSESSED, position, e.sourceId(), e.grade().wire(),
                    e.rationale(), null, null, null, at);
        }

        @Override
        public UpdateData retracted(SourceEvent.SourceRetracted e) {
            return new UpdateData.SourceChanged(UpdateType.SOURCE_RETRACTED, position, e.sourceId(), null, null,
                    e.reason(), e.date().toString(), e.recordedBy(), at);
        }

        @Override
        public UpdateData reinstated(SourceEvent.SourceReinstated e) {
            return new UpdateData.SourceChanged(UpdateType.SOURCE_REINSTATED, position, e.sourceId(), null, null,
                    e.reason(), null, e.recordedBy(), at);
        }
    }

    private String subjectOf(String propositionId) {
        String subject = subjects.get(propositionId);
        if (subject == null) {
            writes.flush(); // a proposition defined in this batch
            subject = sql.one("SELECT subject FROM update_subject WHERE proposition_id = ?", rs -> rs.getString(1),
                    propositionId).orElse(null);
            if (subject != null) {
                subjects.put(propositionId, subject);
            }
        }
        return subject;
    }

    /** Queues one update at the next place of the stream; subscribers hear of it once the batch commits. */
    private void append(UpdateData update, long position, Instant at) {
        if (head == null) {
            head = holdFeed();
        }
        head = next(head, position);
        writes.add(feed, "INSERT INTO " + feed + " (position, seq, type, proposition_id, subject, source_id,"
                        + " recorded_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                head.position(), head.seq(), update.type().wire(), update.aboutProposition(), update.aboutSubject(),
                update.aboutSource(), at, new Json.Doc(update.json()));
        queued = true;
    }

    /**
     * The place after {@code head} for an update about the event at {@code position}: the event's
     * own place if the stream has not passed it, else the next one at the head.
     */
    static Cursor next(Cursor head, long position) {
        return position > head.position() ? new Cursor(position, 0) : new Cursor(head.position(), head.seq() + 1);
    }

    /** Takes the feed's lock for the running transaction, then reads the head of the stream. */
    private Cursor holdFeed() {
        sql.one("SELECT pg_advisory_xact_lock(?)", rs -> 0, FEED_LOCK);
        return log.head();
    }

    @Override
    public void committed() {
        head = null;
        if (queued) {
            queued = false;
            signal.updatesCommitted();
        }
        moveNews(); // verdict news may have waited for this batch's updates
    }

    @Override
    public void rolledBack() {
        head = null;
        queued = false;
        feed = FEED;
    }

    @ResetHandler
    void reset() {
        throw new IllegalStateException("the update feed is never reset: subscribers follow it by id");
    }

    // --- a catch-up on many events in one transaction (after a bulk import or downtime)

    @Override
    public void beginBulk(boolean rebuild, LongPredicate handledBefore) {
        if (rebuild) {
            throw new IllegalStateException("the update feed is never rebuilt: subscribers follow it by id");
        }
        writes.discard();
        writes.hold();
        head = holdFeed(); // for the whole catch-up: verdict news wait until it commits
        // New rows wait in a table of this transaction's own until the end: subscribers' polls for
        // what follows the stream's head would otherwise step over every uncommitted row of the
        // catch-up in the stream's index, again and again.
        sql.update("CREATE TEMPORARY TABLE IF NOT EXISTS " + BULK_FEED + " (LIKE update_feed) ON COMMIT DROP");
        feed = BULK_FEED;
    }

    @Override
    public void flushBulk() {
        writes.flushBehind();
    }

    @Override
    public void finishBulk() {
        writes.flush();
        sql.update("INSERT INTO update_feed SELECT * FROM " + BULK_FEED + " ORDER BY position, seq");
        feed = FEED;
    }

    @Override
    public void endBulk(boolean committed) {
        writes.release();
        feed = FEED;
        Cursor was = head;
        head = null;
        if (committed && was != null) {
            signal.updatesCommitted();
            moveNews();
        }
    }

    // --- verdict news: moved into the feed once the update of their causing event is in it

    /** Asks the mover to move what verdict news it can (at once, or after the run in progress). */
    void moveNews() {
        if (mover != null && moveScheduled.compareAndSet(false, true)) {
            try {
                mover.execute(() -> {
                    moveScheduled.set(false);
                    try {
                        while (moveSomeNews() == NEWS_PAGE) {
                            // a full page: there may be more
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("could not move verdict news into the update feed; will try again", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                moveScheduled.set(false);
            }
        }
    }

    /**
     * One transaction: if no one else writes the feed, the oldest verdict news whose causing events
     * this reader has passed (in order, up to the first it has not) become updates, and are gone
     * from the news. Returns how many moved.
     */
    int moveSomeNews() {
        int[] moved = {0};
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!tryHoldFeed(c)) {
                    return; // the reader is writing (or catching up): it moves them when it commits
                }
                List<Object[]> news = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, position, proposition_id, subject,"
                        + " recorded_at, data::text FROM verdict_news ORDER BY id LIMIT " + NEWS_PAGE)) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            news.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                    rs.getObject(5, java.time.OffsetDateTime.class), rs.getString(6)});
                        }
                    }
                }
                if (news.isEmpty()) {
                    return;
                }
                var token = positions.committedToken(NAME, 0);
                Cursor place = log.head(); // on this transaction's connection, which holds the lock
                long last = -1;
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO update_feed (position, seq, type,"
                        + " proposition_id, subject, source_id, recorded_at, data) VALUES (?, ?, ?, ?, ?, NULL, ?, ?::json)")) {
                    for (Object[] n : news) {
                        long position = (Long) n[1];
                        if (!CommittedPositions.covers(token, position)) {
                            break; // its event's own update is not in the feed yet: this and what follows wait
                        }
                        place = next(place, position);
                        insert.setLong(1, place.position());
                        insert.setInt(2, place.seq());
                        insert.setString(3, UpdateType.VERDICT_CHANGED.wire());
                        insert.setString(4, (String) n[2]);
                        insert.setString(5, (String) n[3]);
                        insert.setObject(6, n[4]);
                        insert.setString(7, (String) n[5]);
                        insert.addBatch();
                        last = (Long) n[0];
                        moved[0]++;
                    }
                    if (moved[0] > 0) {
                        insert.executeBatch();
                    }
                }
                if (last >= 0) {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM verdict_news WHERE id <= ?")) {
                        delete.setLong(1, last);
                        delete.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("moving verdict news failed", e);
            }
        });
        if (moved[0] > 0) {
            signal.updatesCommitted();
        }
        return moved[0];
    }

    private static boolean tryHoldFeed(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, FEED_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

}
