package dev.hikyaku.delivery.shaping;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The shaping configuration as bound from {@code hikyaku.delivery.shaping.*}. Every component may
 * be absent (null), which means "the built-in value", so the record binds without Spring
 * annotations and an empty configuration gives the presets. Nothing is checked here: {@link
 * ShapingPolicy#from} validates and fails with an {@link InvalidShapingConfigurationException}.
 *
 * <pre>
 * hikyaku.delivery.shaping.groups.docomo.messages-per-minute=10
 * hikyaku.delivery.shaping.groups.corp.domains=corp.example,*.corp.example
 * hikyaku.delivery.shaping.groups.corp.max-connections=1
 * hikyaku.delivery.shaping.defaults.max-connections=3
 * </pre>
 *
 * @param presets whether the groups of {@link ShapingPresets} apply; null: true
 * @param defaults limits for every domain no group lists, each one its own budget; unset limits are
 *     those of {@link ShapingPresets#DEFAULT}; must list no domains
 * @param groups by group name: a preset's name changes that preset (unset limits keep the preset's,
 *     domains when set replace the preset's list); a new name adds a group, which must list domains
 *     and takes unset limits from the defaults. A domain pattern a configured group lists is taken
 *     away from any preset group that also lists it.
 * @param backOffFirst how long a group is left alone after its first 421/4xx; null: 1 minute
 * @param backOffMax the longest back-off, reached by doubling; null: 30 minutes
 * @param busyRetry when to try again a group whose connections are all in use; null: 5 seconds
 */
public record ShapingSettings(
    Boolean presets,
    Group defaults,
    Map<String, Group> groups,
    Duration backOffFirst,
    Duration backOffMax,
    Duration busyRetry) {

  /** No configuration at all: the presets and built-in values. */
  public static ShapingSettings none() {
    return new ShapingSettings(null, null, null, null, null, null);
  }

  /**
   * The settings of one group, or of the defaults.
   *
   * @param domains the group's domain patterns ({@code example.jp}, {@code *.example.jp}); null: a
   *     preset's own list
   * @param maxConnections null: unchanged
   * @param messagesPerMinute 0: no limit of the group's own; null: unchanged
   * @param messagesPerConnection null: unchanged
   */
  public record Group(
      List<String> domains,
      Integer maxConnections,
      Integer messagesPerMinute,
      Integer messagesPerConnection) {

    /** Only limits, domains left as they are. */
    public static Group limits(
        Integer maxConnections, Integer messagesPerMinute, Integer messagesPerConnection) {
      return new Group(null, maxConnections, messagesPerMinute, messagesPerConnection);
    }
  }
}
