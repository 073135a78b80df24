package org.rnnlab.api.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named groups of channels, as NeuroGym's spaces name them: {@code fixation} is one channel, {@code
 * stimulus} a ring of 32. Channel names are the group name for single channels and {@code
 * <group>-<k>} (k from 1) for groups of several.
 *
 * <pre>{@code
 * ChannelLayout inputs = ChannelLayout.builder().single("fixation").group("stimulus", 2).build();
 * inputs.names();              // [fixation, stimulus-1, stimulus-2]
 * inputs.indices("stimulus");  // [1, 2]
 * }</pre>
 *
 * Immutable.
 */
public final class ChannelLayout {

  private final Map<String, int[]> groups;
  private final List<String> names;

  private ChannelLayout(Map<String, int[]> groups, List<String> names) {
    this.groups = groups;
    this.names = List.copyOf(names);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every channel name, in index order. */
  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  /** The group names, in order. */
  public List<String> groups() {
    return List.copyOf(groups.keySet());
  }

  /**
   * The channel indices of a group, or of a single channel given by its full name ({@code
   * stimulus-2}).
   *
   * @throws IllegalArgumentException naming the valid groups if there is no such group or channel
   */
  public int[] indices(String groupOrChannel) {
    int[] g = groups.get(groupOrChannel);
    if (g != null) {
      return g.clone();
    }
    int i = names.indexOf(groupOrChannel);
    if (i >= 0) {
      return new int[] {i};
    }
    throw new IllegalArgumentException(
        "no channel group '" + groupOrChannel + "'; groups: " + groups.keySet());
  }

  /** The single index of a one-channel group or of a channel name. */
  public int index(String groupOrChannel) {
    int[] i = indices(groupOrChannel);
    if (i.length != 1) {
      throw new IllegalArgumentException(
          "'" + groupOrChannel + "' has " + i.length + " channels; give one, e.g. its full name");
    }
    return i[0];
  }

  /** Builds a layout group by group. */
  public static final class Builder {
    private final Map<String, int[]> groups = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();

    /** One channel named {@code name}. */
    public Builder single(String name) {
      return add(name, 1);
    }

    /** {@code count} channels named {@code name-1 … name-count}. */
    public Builder group(String name, int count) {
      return add(name, count);
    }

    private Builder add(String name, int count) {
      if (count < 1) {
        throw new IllegalArgumentException("group '" + name + "' needs at least one channel");
      }
      if (groups.containsKey(name)) {
        throw new IllegalArgumentException("group '" + name + "' declared twice");
      }
      int[] idx = new int[count];
      for (int k = 0; k < count; k++) {
        idx[k] = names.size();
        names.add(count == 1 ? name : name + "-" + (k + 1));
      }
      groups.put(name, idx);
      return this;
    }

    public ChannelLayout build() {
      if (names.isEmpty()) {
        throw new IllegalStateException("a layout needs at least one channel");
      }
      Map<String, int[]> copy = new LinkedHashMap<>();
      groups.forEach((k, v) -> copy.put(k, v.clone()));
      return new ChannelLayout(copy, names);
    }
  }
}
