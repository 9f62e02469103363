package se.motesdagen.notification.calendar;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import se.motesdagen.notification.mail.Attachment;

/**
 * The QR code in the confirmation (ZXing): the registration's check-in link, which staff scan at the desk
 * with any phone camera; it opens only behind the staff login, so the code is worth nothing to anyone
 * else. A PNG inside the mail, black on white with a quiet zone, large enough for a phone across a desk.
 */
public final class CheckInCodes {

    public static final String CONTENT_ID = "incheckning";
    private static final int SIZE = 360;

    private CheckInCodes() {}

    public static Attachment of(String checkInUrl) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            checkInUrl,
                            BarcodeFormat.QR_CODE,
                            SIZE,
                            SIZE,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Attachment.inlineImage(CONTENT_ID, "incheckning.png", "image/png", png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot make a QR code of " + checkInUrl, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
