package se.motesdagen.notification.mail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a QR code out of a PNG, as a phone camera at the desk would, and returns what it says. */
public final class QrCodes {

    private QrCodes() {}

    public static String read(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new AssertionError("Not an image", e);
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        // ZXing's detector misreads about 1 in 40 flawless generated codes one way or another (finder patterns
        // missed, or a checksum that fails on a misplaced grid); each decodes when read as the pure code it
        // is, or by the other binariser, as a phone scanner would. The content is still what is checked.
        List<BinaryBitmap> bitmaps = List.of(
                new BinaryBitmap(new HybridBinarizer(source)), new BinaryBitmap(new GlobalHistogramBinarizer(source)));
        List<Map<DecodeHintType, Object>> hints = List.of(
                Map.of(),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        ReaderException last = null;
        for (Map<DecodeHintType, Object> hint : hints) {
            for (BinaryBitmap bitmap : bitmaps) {
                try {
                    return new QRCodeReader().decode(bitmap, hint).getText();
                } catch (ReaderException e) {
                    last = e;
                }
            }
        }
        throw new AssertionError("No readable QR code in the image", last);
    }
}
