package io.statusguard.agent.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.ResponseObservation;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

class CapturePolicyTest {
  private static ResponseObservation status(int status) {
    return ResponseObservation.ofHttpClient("GET", URI.create("http://api.provider.test/v1"), status,
        null, 0, 1, null);
  }

  @Test
  void wantsOnlyMultiStatusAndErrorBodies() {
    CapturePolicy policy = CapturePolicy.everyHost();

    assertThat(policy.wants(status(207))).isTrue();
    assertThat(policy.wants(status(400))).isTrue();
    assertThat(policy.wants(status(404))).isTrue();
    assertThat(policy.wants(status(503))).isTrue();
    assertThat(policy.wants(status(200))).isFalse();
    assertThat(policy.wants(status(201))).isFalse();
    assertThat(policy.wants(status(302))).isFalse();
    assertThat(policy.wants(status(0))).isFalse();
    assertThat(policy.wants(status(-1))).isFalse();
  }

  @Test
  void noneWantsNothing() {
    assertThat(CapturePolicy.NONE.wants(status(404))).isFalse();
  }

  @Test
  void wantsOnlyTheProfiledHostsWhateverFormTheTargetHas() throws Exception {
    CapturePolicy policy = CapturePolicy.hosts(host -> host.equals("api.provider.test")
        || host.equals("::1"));

    assertThat(policy.wants(status(404))).isTrue();
    assertThat(policy.wants(ResponseObservation.ofHttpClient("GET",
        URI.create("http://other.test/v1"), 404, null, 0, 1, null))).isFalse();
    assertThat(policy.wants(ResponseObservation.ofUrlConnection("GET",
        new URL("http://API.Provider.test:8443/x"), 404, null, 0, 1, null))).isTrue();
    assertThat(policy.wants(ResponseObservation.ofUrlString("okhttp", "GET",
        "https://user:pw@api.provider.test:443/v1?x=1", 409, null, 0, 1, null))).isTrue();
    assertThat(policy.wants(ResponseObservation.ofUrlString("okhttp", "GET",
        "http://[::1]:80/v1", 409, null, 0, 1, null))).isTrue();
    assertThat(policy.wants(ResponseObservation.ofOrigin("apache-httpclient-5", "GET", "https",
        "api.provider.test", -1, "/v1", 422, null, 0, 1, null))).isTrue();
    assertThat(policy.wants(ResponseObservation.ofUrlString("okhttp", "GET", "not a url", 409,
        null, 0, 1, null))).isFalse();
  }
}
