package dev.squall.dtls;

/**
 * Receives what a {@link DtlsTransport} decrypts and how it ends. Every call runs on the
 * transport's scheduler, one at a time.
 */
public interface DtlsListener {

  /** One decrypted application-data record. The listener owns {@code data}. */
  void onData(byte[] data);

  /**
   * The transport stopped; called once. {@code error} explains a {@link DtlsCloseReason#FAILED}
   * close and is null otherwise.
   */
  default void onClose(DtlsCloseReason reason, DtlsException error) {}
}
