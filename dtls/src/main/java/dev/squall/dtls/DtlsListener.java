package dev.squall.dtls;

/**
 * Receives what a {@link DtlsTransport} decrypts and how it ends. Every call runs on the
 * transport's scheduler, one at a time.
 */
public interface DtlsListener {

  /** One decrypted application-data record. The listener owns {@code data}. */
  void onData(byte[] data);

  /**
   * One decrypted application-data record in {@code buffer[offset, offset + length)}, readable
   * during the call only: the transport decrypts the next record into the same buffer. The default
   * copies it and calls {@link #onData(byte[])}; a listener that consumes the record at once
   * overrides this and saves the copy.
   */
  default void onData(byte[] buffer, int offset, int length) {
    onData(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
  }

  /**
   * The transport stopped; called once. {@code error} explains a {@link DtlsCloseReason#FAILED}
   * close and is null otherwise.
   */
  default void onClose(DtlsCloseReason reason, DtlsException error) {}
}
