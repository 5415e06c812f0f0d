# coding: euc_jp
x = "�"
