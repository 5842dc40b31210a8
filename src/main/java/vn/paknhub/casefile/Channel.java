package vn.paknhub.casefile;

/** How an item reached the hub (Đ7). */
public enum Channel {
    WEB, EMAIL, PAPER
}
