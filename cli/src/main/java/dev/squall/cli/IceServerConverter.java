package dev.squall.cli;

import dev.squall.server.IceServerUri;
import picocli.CommandLine;

/** Parses {@code --ice-server} values with {@link IceServerUri#parse}. */
final class IceServerConverter implements CommandLine.ITypeConverter<IceServerUri> {
  @Override
  public IceServerUri convert(String value) {
    try {
      return IceServerUri.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
