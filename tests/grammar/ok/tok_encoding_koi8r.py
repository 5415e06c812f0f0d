# -*- coding: koi8-r -*-
word = "привет"
