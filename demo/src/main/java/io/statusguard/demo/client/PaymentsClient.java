package io.statusguard.demo.client;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample payments integration, run in its own JVM with the statusguard agent attached: it knows
 * nothing of statusguard. It plays a {@link Scenario} against the provider (or its simulator) and, at the
 * end, prints one line with the tally of what it sent and got back, which the demo and the end-to-end
 * test compare with what the analyzer counted.
 *
 * <p>Usage: {@code PaymentsClient --base-uri=http://127.0.0.1:8080 --token=T --client-id=ID [scenario flags]}.
 */
public final class PaymentsClient {
  private static final Pattern TRANSACTION_ID = Pattern.compile("\"transactionID\":\"([A-Za-z0-9_-]{22})\"");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\"accountID\":\"([A-Za-z0-9_-]{22})\"");
  private static final char[] ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  private final ProviderConnection provider;
  private final String clientId;
  private final Scenario scenario;
  private final Random random;
  private final TrafficTally tally = new TrafficTally();
  private final Deque<String> createdTransactions = new ArrayDeque<>();
  private String lastAccountId;
  private String lastReferenceId;
  private int referenceCounter;

  PaymentsClient(ProviderConnection provider, String clientId, Scenario scenario) {
    this.provider = provider;
    this.clientId = clientId;
    this.scenario = scenario;
    this.random = new Random(scenario.seed());
  }

  public static void main(String[] args) throws InterruptedException {
    URI baseUri = URI.create(required(args, "--base-uri="));
    PaymentsClient client = new PaymentsClient(
        new ProviderConnection(baseUri, required(args, "--token=")), required(args, "--client-id="),
        Scenario.parse(args));
    client.run();
    System.out.println(client.tally.toLine());
    System.out.flush();
  }

  void run() throws InterruptedException {
    say("steady traffic: %.0f s at %.0f calls/s", scenario.steadySeconds(), scenario.steadyRatePerSecond());
    long steadyCalls = Math.round(scenario.steadySeconds() * scenario.steadyRatePerSecond());
    Pace steady = new Pace(scenario.steadyRatePerSecond());
    for (long call = 0; call < steadyCalls; call++) {
      steady.await();
      steadyCall(call);
    }
    say("faulty release: %d RetrieveTransaction calls on unknown IDs at %.0f calls/s",
        scenario.burstCalls(), scenario.burstRatePerSecond());
    Pace burst = new Pace(scenario.burstRatePerSecond());
    for (int call = 0; call < scenario.burstCalls(); call++) {
      burst.await();
      retrieveTransaction(randomId());
    }
    say("after the burst: %d ordinary calls", scenario.afterBurstCalls());
    for (int call = 0; call < scenario.afterBurstCalls(); call++) {
      steady.await();
      call(Endpoint.RETRIEVE_CLIENT, null, null);
    }
    say("done: %d calls, %d without a response", tally.total(), tally.failures());
  }

  /** A cycle of what a payments back end does: accounts, transactions, a look-up, now and then a retry. */
  private void steadyCall(long call) {
    switch ((int) (call % 5)) {
      case 0:
        String account = call(Endpoint.CREATE_ACCOUNT, null, newAccountBody());
        lastAccountId = extract(ACCOUNT_ID, account, lastAccountId);
        break;
      case 1:
      case 3:
        boolean retry = call % 25 == 3 && lastReferenceId != null;
        String created = call(Endpoint.CREATE_TRANSACTION, null, newTransactionBody(retry));
        String transactionId = extract(TRANSACTION_ID, created, null);
        if (transactionId != null && !retry) {
          createdTransactions.addLast(transactionId);
        }
        break;
      case 2:
        String known = createdTransactions.pollFirst();
        retrieveTransaction(known != null ? known : randomId());
        break;
      default:
        call(Endpoint.RETRIEVE_CLIENT, null, null);
    }
  }

  private void retrieveTransaction(String transactionId) {
    call(Endpoint.RETRIEVE_TRANSACTION, transactionId, null);
  }

  /** Makes one call and tallies it; returns the body, or "" when no response arrived. */
  private String call(Endpoint endpoint, String resourceId, String body) {
    String path = endpoint.path(clientId, resourceId);
    try {
      ProviderConnection.Answer answer = endpoint == Endpoint.CREATE_ACCOUNT || endpoint == Endpoint.RETRIEVE_CLIENT
          ? provider.sendWithUrlConnection(endpoint.method(), path, body)
          : provider.sendWithHttpClient(endpoint.method(), path, body);
      tally.record(endpoint, answer.status());
      return answer.body();
    } catch (IOException e) {
      tally.recordFailure(endpoint);
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tally.recordFailure(endpoint);
      return "";
    }
  }

  private String newAccountBody() {
    return "{\"referenceID\":\"" + nextReferenceId() + "\",\"card\":{\"accountNumber\":\"" + luhnCardNumber() + "\"}}";
  }

  /** A retry reuses the last ReferenceID: the provider answers 409, as it does for a real double submit. */
  private String newTransactionBody(boolean retry) {
    String referenceId = retry ? lastReferenceId : nextReferenceId();
    lastReferenceId = referenceId;
    String accounts = lastAccountId == null ? "" : ",\"accounts\":{\"destinationAccountID\":\"" + lastAccountId + "\"}";
    return "{\"referenceID\":\"" + referenceId + "\",\"amount\":\"" + (1 + random.nextInt(500)) + ".00\"" + accounts + "}";
  }

  private String nextReferenceId() {
    return "demo" + scenario.seed() + "r" + (++referenceCounter);
  }

  private String randomId() {
    char[] id = new char[22];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
    }
    return new String(id);
  }

  /** A 16-digit test card number that passes the Luhn check: the agent must never let it out. */
  private String luhnCardNumber() {
    int[] digits = new int[16];
    digits[0] = 4;
    for (int i = 1; i < 15; i++) {
      digits[i] = random.nextInt(10);
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      int d = digits[14 - i];
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    digits[15] = (10 - sum % 10) % 10;
    StringBuilder number = new StringBuilder();
    for (int d : digits) {
      number.append(d);
    }
    return number.toString();
  }

  private static String extract(Pattern pattern, String body, String fallback) {
    Matcher matcher = pattern.matcher(body);
    return matcher.find() ? matcher.group(1) : fallback;
  }

  private static String required(String[] args, String prefix) {
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        return arg.substring(prefix.length());
      }
    }
    throw new IllegalArgumentException("missing " + prefix + "<value>");
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(format, args));
    System.out.flush();
  }

  /** Spaces calls evenly at a rate, catching up when a call took longer than its slot. */
  private static final class Pace {
    private final long intervalNanos;
    private long next = System.nanoTime();

    Pace(double ratePerSecond) {
      this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
    }

    void await() throws InterruptedException {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      next = Math.max(next + intervalNanos, System.nanoTime() - intervalNanos);
    }
  }
}
