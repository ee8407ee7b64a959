package be.ocmw.merge.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing passwords: after {@value #PER_USER} failed logins for one user name, or {@value #PER_ADDRESS}
 * from one address, within {@link #WINDOW}, every login for that name or from that address is refused for
 * {@link #LOCK} without its password being looked at, the right one included. A name that does not exist is counted
 * like one that does, so the refusal says nothing about who exists. Kept in memory: a restart of serve forgets it,
 * and several serve nodes each count their own.
 */
final class LoginThrottle {

    static final int PER_USER = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(5);
    /** Beyond this many names or addresses followed, the oldest are forgotten: an attacker cannot fill the memory. */
    private static final int FOLLOWED = 10_000;

    private final Clock clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether a login for this name from this address is refused now. */
    boolean locked(String username, String address) {
        Instant now = clock.instant();
        return lockedIn(users, user(username), now) || lockedIn(addresses, address, now);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record(users, user(username), PER_USER, now);
        record(addresses, address, PER_ADDRESS, now);
    }

    /** A successful login forgets the name's failures (not the address's: one good password does not clear a guesser). */
    void succeeded(String username) {
        users.remove(user(username));
    }

    private static String user(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean lockedIn(Map<String, Failures> map, String key, Instant now) {
        Failures failures = key == null ? null : map.get(key);
        return failures != null && failures.lockedAt(now);
    }

    private static void record(Map<String, Failures> map, String key, int limit, Instant now) {
        if (key == null) {
            return;
        }
        if (map.size() > FOLLOWED) {
            map.entrySet().removeIf(e -> !e.getValue().lockedAt(now) && e.getValue().idleSince(now));
        }
        map.computeIfAbsent(key, k -> new Failures()).add(now, limit);
    }

    /** The recent failures of one name or address, and until when it is locked. */
    private static final class Failures {

        private final Deque<Instant> recent = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized void add(Instant now, int limit) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= limit) {
                lockedUntil = now.plus(LOCK);
                recent.clear();
            }
        }

        synchronized boolean lockedAt(Instant now) {
            return now.isBefore(lockedUntil);
        }

        synchronized boolean idleSince(Instant now) {
            return recent.isEmpty() || recent.peekLast().isBefore(now.minus(WINDOW));
        }
    }
}
